import os from 'node:os';
export type BenchResult = Record<string, unknown>;
/** `unavailable` says why a benchmark cannot run on this machine; such a benchmark is skipped, not failed. */
export type Bench = { name: string; run: () => Promise<BenchResult>; unavailable?: () => string | null };

/**
 * Runs every benchmark it can, one after the other, and hands each line to `print` as it ends: the result, or
 * `{bench, skipped}` with the reason it could not run, or `{bench, error}` when it threw, the others running all the
 * same; each with the one-minute load average when it ended. `failed` says whether any threw (a skip is not a failure).
 */
export async function runBenchmarks(
  benches: readonly Bench[],
  print: (line: BenchResult) => void,
): Promise<{ results: BenchResult[]; failed: boolean }> {
  const results: BenchResult[] = [];
  for (const bench of benches) {
    const reason = bench.unavailable?.() ?? null;
    let result: BenchResult;
    if (reason) result = { bench: bench.name, skipped: reason };
    else {
      try {
        result = await bench.run();
      } catch (error) {
        result = { bench: bench.name, error: error instanceof Error ? error.message : String(error) };
      }
    }
    // The machine's load when the bench ended: a figure taken beside other work says so.
    result = { ...result, loadAverage: Math.round(os.loadavg()[0] * 10) / 10 };
    print(result);
    results.push(result);
  }
  return { results, failed: results.some((r) => 'error' in r) };
}
