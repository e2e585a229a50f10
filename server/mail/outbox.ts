import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { findCompany } from '../deliveries/deliveries.repository.ts';
import { filePath } from '../documents/file-store.ts';
import { type ClaimedEmail, claimEmail, listDueEmailIds, updateOutboxEmail } from './outbox.repository.ts';
import { afterFailure } from './retry.ts';
import type { Clock } from '../clock.ts';
import { withoutLinkTokens } from '../../core/auth/account-link.ts';

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export type Outbox = {
  /** Sends what is due, in the background: called right after a commit that queued an email. Never throws. */
  wake(): void;
  /** Sends what is due at `now` and resolves when done. */
  deliverDue(now?: Date): Promise<DeliveryReport>;
  /** The retry loop: what is pending at boot (a crash between commit and send), then every `intervalMs`. */
  start(intervalMs?: number): void;
  close(): Promise<void>;
};

const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

/**
 * The sender of the outbox (table outbox_emails): rows are written in the transaction of the change that calls for
 * them and sent here after the commit, through the SMTP server of SMTP_URL. Each send claims its row first, so two
 * app nodes never send the same email. Without SMTP_URL nothing is sent and the rows stay pending.
 */
export function createOutbox({ db, config, log, clock }: { db: Db; config: Config; log: FastifyBaseLogger; clock: Clock }): Outbox {
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  async function sender(): Promise<string> {
    if (config.MAIL_FROM) return config.MAIL_FROM;
    const company = await findCompany(db);
    if (!company?.email) throw new Error('No sender address: set MAIL_FROM or the company email.');
    return `"${company.name.replace(/["\\]/g, '')}" <${company.email}>`;
  }

  async function sendOne(email: ClaimedEmail, now: Date): Promise<keyof DeliveryReport> {
    const attempts = email.attempts + 1;
    try {
      if (!transport) throw new Error('SMTP_URL is not set');
      const info = await (
        await transport.get()
      ).sendMail({
        from: await sender(),
        to: email.toName ? { name: email.toName, address: email.toAddress! } : email.toAddress!,
        subject: email.subject,
        text: email.bodyText,
        attachments: email.sha256
          ? [{ filename: email.filename!, contentType: email.mimeType!, path: filePath(config.dataDir, email.sha256) }]
          : [],
      });
      const sentAt = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateOutboxEmail(trx, email.id, {
          status: 'sent',
          bodyText: withoutLinkTokens(email.bodyText),
          attempts,
          sentAt,
          messageId: info.messageId ?? null,
          lastError: null,
          claimedUntil: null,
          updatedAt: sentAt,
        });
        if (email.orderId !== null) {
          await recordAudit(trx, {
            entityType: 'order',
            entityId: email.orderId,
            orderId: email.orderId,
            action: `${email.kind}_sent`,
            userId: null,
            after: { emailId: email.id, to: email.toAddress, documentId: email.documentId, subject: email.subject },
            at: sentAt,
          });
        }
      });
      return 'sent';
    } catch (error) {
      const err = error as Error & { responseCode?: number };
      const next = afterFailure(attempts, err.responseCode);
      const at = clock.now().toISOString();
      const lastError = err.message.slice(0, 1000);
      log.warn(
        { emailId: email.id, attempts, err: lastError },
        next.status === 'failed' ? 'email failed for good' : 'email not sent, will retry',
      );
      await db.transaction().execute(async (trx) => {
        await updateOutboxEmail(trx, email.id, {
          status: next.status,
          // Given up: the link it carried is of no use to anyone reading the outbox.
          ...(next.status === 'failed' ? { bodyText: withoutLinkTokens(email.bodyText) } : {}),
          attempts,
          lastError,
          claimedUntil: null,
          updatedAt: at,
          ...(next.status === 'pending' ? { nextAttemptAt: new Date(now.getTime() + next.retryInMs).toISOString() } : {}),
        });
        if (next.status === 'failed' && email.orderId !== null) {
          await recordAudit(trx, {
            entityType: 'order',
            entityId: email.orderId,
            orderId: email.orderId,
            action: `${email.kind}_failed`,
            userId: null,
            after: { emailId: email.id, to: email.toAddress },
            note: lastError,
            at: at,
          });
        }
      });
      return next.status === 'failed' ? 'failed' : 'retrying';
    }
  }

  async function deliverDue(now = clock.now()): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    if (!transport) return report;
    for (;;) {
      const nowIso = now.toISOString();
      const ids = await listDueEmailIds(db, nowIso, BATCH);
      let taken = 0;
      for (const id of ids) {
        if (closed) return report;
        const email = await claimEmail(db, id, nowIso, new Date(now.getTime() + CLAIM_MS).toISOString());
        if (!email) continue;
        taken++;
        report[await sendOne(email, now)]++;
      }
      // A full batch may hide more; a batch where others took everything is theirs to finish.
      if (ids.length < BATCH || taken === 0) return report;
    }
  }

  function wake(): void {
    if (!transport || closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await deliverDue().catch((err: unknown) => log.error({ err }, 'outbox: sending failed'));
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
  }

  return {
    wake,
    deliverDue,
    start(intervalMs = 30_000) {
      if (!transport) {
        log.warn('SMTP_URL is not set: order acknowledgements are stored and queued, but no email is sent');
        return;
      }
      wake();
      timer = setInterval(wake, intervalMs);
      timer.unref();
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running;
      await transport?.close();
    },
  };
}

/** nodemailer (some 15 MB) is loaded with the first email sent, not by every start of the server. */
function smtpTransport(url: string) {
  let created: Promise<Transporter> | null = null;
  return {
    get: () =>
      (created ??= import('nodemailer').then(({ default: nodemailer }) =>
        nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
      )),
    close: async () => {
      if (created) (await created).close();
    },
  };
}
