import type { Config } from '../config.ts';
import type { ImapSettings } from './mailbox.ts';

/** The order mailbox's settings, or null when no IMAP server is set. */
export function imapSettings(config: Config): ImapSettings | null {
  if (!config.IMAP_HOST || !config.IMAP_USER) return null;
  return {
    host: config.IMAP_HOST,
    port: config.IMAP_PORT,
    secure: config.IMAP_TLS,
    user: config.IMAP_USER,
    password: config.IMAP_PASSWORD ?? '',
    folder: config.IMAP_FOLDER,
    doneFolder: config.IMAP_DONE_FOLDER,
  };
}
