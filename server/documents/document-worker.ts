import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { produceDeliveryNote, DELIVERY_NOTE_KIND } from '../deliveries/ship-order.ts';
import { afterFailure } from '../mail/retry.ts';
import { claimDocumentJob, type DocumentJob, listDueDocumentJobIds, updateDocumentJob } from './document-jobs.repository.ts';
import { ACKNOWLEDGEMENT_KIND, produceAcknowledgement } from './order-acknowledgement.ts';

export type DocumentReport = { produced: number; retrying: number; failed: number };

export type DocumentWorker = {
  /** Prints what is due, in the background (once started): called right after a commit that queued a document. */
  wake(): void;
  /** Prints everything due at `now` (default: the clock's) and resolves when done: what tests and the CLI drive. */
  drain(now?: Date): Promise<DocumentReport>;
  /** The loop: what is pending at boot (a crash between commit and print), then every `intervalMs`. */
  start(intervalMs?: number): void;
  close(): Promise<void>;
};

const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

/** What each kind of job prints: a function "produce document of kind K for order X, version N". */
const PRODUCERS: Record<string, (db: Db, job: DocumentJob, now: string) => Promise<{ documentId: number } | null>> = {
  [ACKNOWLEDGEMENT_KIND]: produceAcknowledgement,
  [DELIVERY_NOTE_KIND]: produceDeliveryNote,
};

/**
 * The document worker (table document_jobs): prints after the commit what a change queued in its transaction. Each
 * job is claimed first (a conditional UPDATE: of two app nodes only one takes it) and marked done in the very
 * transaction that files its document (a job another node finished meanwhile rolls that back): each document is
 * filed once. A failure is retried with the outbox's back-off (1 min, 2, 4… 6 h; failed after 12 attempts).
 * `onProduced` runs after a pass that filed something (the email outbox's wake-up: the ARC's email is now queued).
 */
export function createDocumentWorker({
  db,
  log,
  clock,
  onProduced,
}: {
  db: Db;
  log: FastifyBaseLogger;
  clock: Clock;
  onProduced?: () => void;
}): DocumentWorker {
  let started = false;
  let closed = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  async function produceOne(job: DocumentJob, now: Date): Promise<keyof DocumentReport | null> {
    const attempts = job.attempts + 1;
    try {
      const produce = PRODUCERS[job.kind];
      if (!produce) throw new Error(`No producer for documents of kind ${job.kind}`);
      const done = await produce(db, job, clock.now().toISOString());
      return done ? 'produced' : null;
    } catch (error) {
      const next = afterFailure(attempts, undefined);
      const lastError = (error as Error).message.slice(0, 1000);
      log.warn({ jobId: job.id, kind: job.kind, orderId: job.orderId, attempts, err: lastError }, 'document not printed, will retry');
      await updateDocumentJob(db, job.id, {
        status: next.status,
        attempts,
        lastError,
        claimedUntil: null,
        updatedAt: clock.now().toISOString(),
        ...(next.status === 'pending' ? { nextAttemptAt: new Date(now.getTime() + next.retryInMs).toISOString() } : {}),
      });
      return next.status === 'failed' ? 'failed' : 'retrying';
    }
  }

  async function drain(now = clock.now()): Promise<DocumentReport> {
    const report: DocumentReport = { produced: 0, retrying: 0, failed: 0 };
    for (;;) {
      const nowIso = now.toISOString();
      const ids = await listDueDocumentJobIds(db, nowIso, BATCH);
      let taken = 0;
      for (const id of ids) {
        if (closed) return report;
        const job = await claimDocumentJob(db, id, nowIso, new Date(now.getTime() + CLAIM_MS).toISOString());
        if (!job) continue;
        taken++;
        const outcome = await produceOne(job, now);
        if (outcome) report[outcome]++;
      }
      if (report.produced) onProduced?.();
      // A full batch may hide more; a batch where others took everything is theirs to finish.
      if (ids.length < BATCH || taken === 0) return report;
    }
  }

  function wake(): void {
    if (!started || closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await drain().catch((err: unknown) => log.error({ err }, 'documents: printing failed'));
      } while (again && !closed);
    })().finally(() => {
      running = null;
    });
  }

  return {
    wake,
    drain,
    start(intervalMs = 30_000) {
      started = true;
      wake();
      timer = setInterval(wake, intervalMs);
      timer.unref();
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
