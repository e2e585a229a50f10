/**
 * Where the server learns the time. The app holds one (buildApp's `clock`, `app.clock`): the system clock in
 * production, a fixed one in tests so that "today" does not move under them at midnight.
 */
export type Clock = { now(): Date };

/** The only place the server reads the wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that says what it is told: a test pins "now", and moves it on when the scenario needs time to pass. */
export type SettableClock = Clock & { set(at: Date | string): void; advance(ms: number): void };

export function fixedClock(at: Date | string): SettableClock {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** Now as an ISO instant, from the clock given. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/**
 * A clock that starts at `at` and then runs at the wall clock's pace: a browser suite lives on its pinned Monday
 * morning, yet each write is stamped a moment after the one before, as the screens expect (an order whose
 * `updatedAt` never moves is never read again).
 */
export function runningClock(at: Date | string): SettableClock {
  let offset = new Date(at).getTime() - systemClock.now().getTime();
  return {
    now: () => new Date(systemClock.now().getTime() + offset),
    set: (next) => {
      offset = new Date(next).getTime() - systemClock.now().getTime();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
