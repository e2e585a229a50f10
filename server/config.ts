import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isCronExpression } from '../core/ops/schedule.ts';

const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DATA_DIR: Type.String({ default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  LOG_LEVEL: Type.Union(
    [
      Type.Literal('fatal'),
      Type.Literal('error'),
      Type.Literal('warn'),
      Type.Literal('info'),
      Type.Literal('debug'),
      Type.Literal('silent'),
    ],
    { default: 'info' },
  ),
  /**
   * How log lines are written: `json` (one object a line, for a log collector), `pretty` (readable lines, for a
   * person at a terminal) or `auto`: pretty when standard output is a terminal, JSON otherwise.
   */
  LOG_FORMAT: Type.Union([Type.Literal('auto'), Type.Literal('json'), Type.Literal('pretty')], { default: 'auto' }),
  /** Demo mode seeds the demo company and its accounts on an empty database. */
  CARNET_DEMO: Type.Boolean({ default: true }),
  /** The SMTP server order acknowledgements are emailed through (smtp://user:pass@host:port, smtps:// for TLS); unset: no email. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://[^\\s]+$' })),
  /** The sender of those emails, e.g. "ADV Moulins Delaunay <adv@…>"; unset: the company's email. */
  MAIL_FROM: Type.Optional(Type.String({ pattern: '@' })),
  /** Minutes between two risk scans (they also run after stock, receipt and order changes); 0: no scheduled scan. */
  RISK_SCAN_MINUTES: Type.Integer({ minimum: 0, maximum: 1440, default: 15 }),
  /** Seconds between two sweeps of the EDI drop folders (DATA_DIR/edi/in/<partner>/); 0: no intake by folder. */
  EDI_INBOX_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 30 }),
  /** Where scheduled backups and the admin's "back up now" are written (a folder per backup); best on another disk. */
  BACKUP_DIR: Type.String({ default: './backups' }),
  /** When to back up, a cron expression in Paris time ("0 2 * * *": every night at 2); unset: no scheduled backup. */
  BACKUP_CRON: Type.Optional(Type.String({ minLength: 1 })),
  /** When the weekly report is emailed to the managers, a cron expression in Paris time; "off": never. */
  REPORT_CRON: Type.String({ minLength: 1, default: '0 16 * * 5' }),
  /** How many backups BACKUP_DIR keeps: after each scheduled or admin backup, older ones are deleted (the newest never). */
  BACKUP_KEEP: Type.Integer({ minimum: 1, maximum: 10_000, default: 14 }),
  /** The address users open Carnet at, written in emailed links (a buyer's invitation, a password reset). */
  PUBLIC_URL: Type.String({ default: 'http://localhost:3000', pattern: '^https?://[^\\s]+$' }),
  /** A bearer token that opens /metrics from other machines (from this machine, /metrics needs none); unset: local only. */
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  /** On SIGTERM, how long requests in flight, the EDI batch and the outbox job get to finish before Carnet exits. */
  SHUTDOWN_GRACE_SECONDS: Type.Integer({ minimum: 1, maximum: 600, default: 25 }),
  /**
   * Whose X-Forwarded-For to believe for the client's address (login limits count by it): `false`, nobody;
   * `true`, any proxy; a number, that many hops; or a comma-separated list of proxy addresses or CIDR ranges.
   */
  /** The desk's order mailbox (emails and fax-to-email), read over IMAP when IMAP_HOST is set; see README "Orders by email and fax". */
  IMAP_HOST: Type.Optional(Type.String({ minLength: 1 })),
  IMAP_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 993 }),
  /** TLS from the first byte (993); false: plain (143, a server on the same machine). */
  IMAP_TLS: Type.Boolean({ default: true }),
  IMAP_USER: Type.Optional(Type.String({ minLength: 1 })),
  IMAP_PASSWORD: Type.Optional(Type.String()),
  /** The folder orders arrive in, and the one a message taken is moved to. */
  IMAP_FOLDER: Type.String({ default: 'INBOX', minLength: 1 }),
  IMAP_DONE_FOLDER: Type.String({ default: 'Carnet-traites', minLength: 1 }),
  /** Seconds between two sweeps of the order mailbox and of DATA_DIR/intake/in; 0: once at start only. */
  INTAKE_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 60 }),
  TRUST_PROXY: Type.String({ default: 'false', pattern: '^(true|false|\\d{1,2}|[0-9A-Za-z.:/]+(\\s*,\\s*[0-9A-Za-z.:/]+)*)$' }),
});

export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);
export type Config = Static<typeof ConfigSchema> & { dataDir: string; backupDir: string; trustProxy: TrustProxy };

/** TRUST_PROXY as Fastify's `trustProxy` takes it; a bad address makes Fastify refuse to start. */
function trustProxyOf(setting: string): TrustProxy {
  if (setting === 'true' || setting === 'false') return setting === 'true';
  if (/^\d+$/.test(setting)) {
    const hops = Number(setting);
    return (_address, hop) => hop < hops;
  }
  return setting.split(',').map((address) => address.trim());
}

/** Reads the environment once, at boot, and refuses to start on a bad setting rather than fail later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const withDefaults = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    throw new Error(`Invalid configuration: ${errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; ')}`);
  }
  const config = withDefaults as Static<typeof ConfigSchema>;
  if (config.BACKUP_CRON !== undefined && !isCronExpression(config.BACKUP_CRON)) {
    throw new Error(
      `Invalid configuration: BACKUP_CRON "${config.BACKUP_CRON}" is not a cron expression (e.g. "0 2 * * *", every night at 2)`,
    );
  }
  if (config.REPORT_CRON !== 'off' && !isCronExpression(config.REPORT_CRON)) {
    throw new Error(
      `Invalid configuration: REPORT_CRON "${config.REPORT_CRON}" is not a cron expression (e.g. "0 16 * * 5", Fridays at 16:00) nor "off"`,
    );
  }
  return {
    ...config,
    dataDir: path.resolve(config.DATA_DIR),
    backupDir: path.resolve(config.BACKUP_DIR),
    trustProxy: trustProxyOf(config.TRUST_PROXY),
  };
}
