import v8 from 'node:v8';
import { Command } from 'commander';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isEmpty } from './demo/demo-mode.ts';
import { registerEdiCommands } from './edi/edi-parse.command.ts';
import { registerEdiImportCommand } from './edi/edi-import.command.ts';
import { importCommand } from './imports/import-command.ts';
import { registerOpsCommands } from './ops/ops.command.ts';
import { registerRiskCommands } from './risks/risks.command.ts';
import { registerUserCommands } from './users/users.command.ts';

const program = new Command('carnet').description('Carnet, the order desk of a B2B food manufacturer');

// Hidden diagnostic: the heap limit a command runs under, so a test sees bin/node-flags.mjs reach the working process.
if (process.env.CARNET_PRINT_HEAP_LIMIT === '1') {
  program.hook('preAction', () => console.error(`heap_size_limit=${v8.getHeapStatistics().heap_size_limit} pid=${process.pid}`));
}

program
  .command('serve')
  .description('start the web server (migrates the database; in demo mode, loads the demo into an empty one)')
  .action(async () => {
    // Loaded on demand: `carnet edi parse` and the other light commands need none of the web server.
    const { serve } = await import('./main.ts');
    await serve();
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const config = loadConfig();
    const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema already up to date');
    await handle.close();
  });

program
  .command('seed')
  .description('load data into an empty database')
  .requiredOption('--demo', 'the Moulins Delaunay demo company')
  .action(async () => {
    const config = loadConfig();
    const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
    await migrateToLatest(handle.db);
    if (!(await isEmpty(handle.db))) {
      console.error('the database already holds data; seed only loads into an empty one');
      process.exitCode = 1;
    } else {
      const { seedDemo } = await import('./demo/seed.ts');
      const { shiftDays } = await seedDemo(handle.db, systemClock.now(), { history: true });
      console.log(`demo loaded (dates moved by ${shiftDays} days)`);
    }
    await handle.close();
  });

program
  .command('import')
  .description('import products, customers, price-lists or stock-levels from a CSV or .xlsx file (all rows or none)')
  .argument('<kind>', 'products | customers | price-lists | stock-levels')
  .argument('<file>', 'a .csv (";" or ",") or .xlsx file whose header names the columns')
  .option('--only-valid', 'import the good rows and report the others')
  .option('--check', 'check every row and write nothing')
  .action(async (kind: string, file: string, options: { onlyValid?: boolean; check?: boolean }) => {
    process.exitCode = await importCommand(kind, file, options);
  });

registerEdiCommands(program);
registerEdiImportCommand(program);

registerRiskCommands(program);
registerUserCommands(program);
registerOpsCommands(program);

await program.parseAsync(process.argv);
