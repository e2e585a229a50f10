/** How the outbox retries: a refused message is final, anything else is tried again later, less and less often. */
export const MAX_ATTEMPTS = 12;
const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 6 * 3600_000;

export type AfterFailure = { status: 'failed' } | { status: 'pending'; retryInMs: number };

/**
 * `attempts` counts the one that just failed. An SMTP 5xx reply (unknown mailbox, refused sender) will not change
 * by waiting; a connection refused, a time-out or a 4xx (greylisting, mailbox busy) may: 1 min, 2, 4… up to 6 h,
 * and failed after MAX_ATTEMPTS (some 20 hours of trying: an SMTP outage over a night is survived).
 */
export function afterFailure(attempts: number, smtpResponseCode: number | undefined): AfterFailure {
  if (smtpResponseCode !== undefined && smtpResponseCode >= 500 && smtpResponseCode < 600) return { status: 'failed' };
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', retryInMs: Math.min(FIRST_DELAY_MS * 2 ** (attempts - 1), LONGEST_DELAY_MS) };
}
