import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { systemClock } from '../clock.ts';
import { runRiskScan } from './risk-scan.ts';

/** `carnet risks scan`: the scan the server runs on its schedule, run once now (cron, or after a bulk load). */
export function registerRiskCommands(program: Command): void {
  const risks = program.command('risks').description('delivery risks: order lines that will not be delivered as promised');
  risks
    .command('scan')
    .description('find every confirmed or released order line at risk and update the stored risks')
    .action(async () => {
      const config = loadConfig();
      const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        const r = await runRiskScan(handle.db, systemClock.now());
        console.log(
          r.skipped
            ? 'another node is scanning right now; nothing done'
            : `${r.lines} open line(s) scanned in ${Math.round(r.ms)} ms: ${r.found} at risk, ${r.inserted} new, ${r.updated} updated, ${r.obsoleted} no longer at risk`,
        );
      } finally {
        await handle.close();
      }
    });
}
