import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { WorkTimingInput } from '../../../core/day/day.schemas.ts';
import { MAX_TIMING_MINUTES } from '../../../core/day/estimates.ts';
import { api } from '../api/client.ts';
import { nowInstant } from '../shared/clock.ts';

/**
 * Times the work done on a screen, from opening it to finishing it: what the day's estimates learn from (issue 13).
 * `finish(ref)` posts the timing for the current user and starts the clock again for the next piece of work on the
 * same screen (the EDI queue's next message). Leaving without finishing posts nothing; a piece finished twice in one
 * opening (a complaint answered, then closed) counts once; a screen left open past the longest believable piece of
 * work (lunch) is not a timing. `subject`: what the screen shows (a complaint's id…); when it changes, the clock
 * starts again.
 */
export function useWorkTimer(subject: string | number | null = null): { finish: (ref: string) => void } {
  const queryClient = useQueryClient();
  const startedAt = useRef<string | null>(null);
  const finished = useRef(new Set<string>());
  // From one complaint (or order) straight to the next, the router keeps the page: the clock starts again with it.
  const timing = useRef<string | number | null>(subject);
  if (timing.current !== subject) {
    timing.current = subject;
    startedAt.current = null;
    finished.current = new Set();
  }
  startedAt.current ??= nowInstant();
  const finish = useCallback(
    (ref: string) => {
      if (finished.current.has(ref)) return;
      finished.current.add(ref);
      const timing: WorkTimingInput = { ref, startedAt: startedAt.current!, endedAt: nowInstant() };
      startedAt.current = timing.endedAt;
      if (Date.parse(timing.endedAt) - Date.parse(timing.startedAt) > MAX_TIMING_MINUTES * 60_000) return;
      // The work itself is done and saved: a timing the server refuses (a clock off) must not trouble her with an error.
      void api.post('/api/work-timings', timing).then(
        () => queryClient.invalidateQueries({ queryKey: ['day'] }),
        () => undefined,
      );
    },
    [queryClient],
  );
  return { finish };
}
