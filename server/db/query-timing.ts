import type { LogEvent } from 'kysely';
import type { DbOrTrx } from './database.ts';

/** One query as it ran: its SQL (parameters left out: they hold people's data) and how long it took. */
export type TimedQuery = { sql: string; ms: number; failed: boolean };
type Listener = (query: TimedQuery) => void;

/**
 * Every query's time, for whoever listens (the metrics, the slow-request log). openDatabase gives Kysely the `log`
 * function of a fresh timer and binds the timer to the database, as the file store is bound (file-store.ts): two
 * databases open in one process (the tests) keep their listeners apart.
 */
export function createQueryTimer() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    log: (event: LogEvent): void => {
      if (listeners.size === 0) return;
      const query = { sql: event.query.sql, ms: event.queryDurationMillis, failed: event.level === 'error' };
      for (const listener of listeners) listener(query);
    },
  };
}
export type QueryTimer = ReturnType<typeof createQueryTimer>;

const timers = new WeakMap<object, QueryTimer>();

export function bindQueryTimer(db: DbOrTrx, timer: QueryTimer): void {
  timers.set(db.getExecutor().adapter, timer);
}

/** Calls `listener` after each query on this database; returns the function that stops it. */
export function onQuery(db: DbOrTrx, listener: Listener): () => void {
  const timer = timers.get(db.getExecutor().adapter);
  if (!timer) return () => undefined;
  timer.listeners.add(listener);
  return () => timer.listeners.delete(listener);
}
