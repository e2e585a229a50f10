import { describe, expect, it } from 'vitest';
import { type BenchResult, runBenchmarks } from '../bench/runner.ts';

describe('the benchmark runner', () => {
  it('runs every benchmark it can, says why it skips one and how another failed, and fails only on a failure', async () => {
    const printed: BenchResult[] = [];
    const ran: string[] = [];
    const ok = (name: string, value: number) => async () => {
      ran.push(name);
      return { bench: name, unit: 'ms', value };
    };
    const outcome = await runBenchmarks(
      [
        { name: 'first', run: ok('first', 1) },
        { name: 'order-entry-keys', run: ok('order-entry-keys', 23), unavailable: () => 'no Chromium at /usr/bin/chromium' },
        { name: 'broken', run: () => Promise.reject(new Error('the fixture database is missing')) },
        { name: 'last', run: ok('last', 2), unavailable: () => null },
      ],
      (line) => printed.push(line),
    );
    expect(ran).toEqual(['first', 'last']);
    // Each line says the machine's load when it was taken.
    const load = { loadAverage: expect.any(Number) };
    expect(printed).toEqual([
      { bench: 'first', unit: 'ms', value: 1, ...load },
      { bench: 'order-entry-keys', skipped: 'no Chromium at /usr/bin/chromium', ...load },
      { bench: 'broken', error: 'the fixture database is missing', ...load },
      { bench: 'last', unit: 'ms', value: 2, ...load },
    ]);
    expect(outcome).toEqual({ results: printed, failed: true });
  });

  it('does not fail on skips alone', async () => {
    const outcome = await runBenchmarks(
      [{ name: 'order-entry-keys', run: () => Promise.reject(new Error('never run')), unavailable: () => 'no Chromium' }],
      () => {},
    );
    expect(outcome.failed).toBe(false);
  });
});
