import type { Command } from 'commander';
import { MIN_PASSWORD_LENGTH } from '../../core/auth/new-account.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createAdmin } from './create-admin.ts';
import { readHiddenLine } from './read-password.ts';

/** Where a script hands the password over: never on the command line, where `ps` and the shell history would show it. */
export const ADMIN_PASSWORD_VARIABLE = 'CARNET_ADMIN_PASSWORD';

/** `carnet users create-admin`: the first administrator of an installation started without the demo, or another. */
export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('the accounts that log in to Carnet');
  users
    .command('create-admin')
    .description(`create an administrator; the password is asked for (not shown), or read from ${ADMIN_PASSWORD_VARIABLE}`)
    .requiredOption('--email <email>', 'the address the administrator logs in with')
    .requiredOption('--name <name>', 'the name shown in the application and its audit trail')
    .action(async (options: { email: string; name: string }) => {
      const password = await passwordFor();
      if (password === null) return;
      const config = loadConfig();
      const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
      try {
        await migrateToLatest(handle.db);
        const result = await createAdmin(handle.db, { email: options.email, name: options.name, password }, systemClock.now());
        if (result.ok) {
          console.log(`administrator ${result.email} created (user ${result.id}); log in at http://localhost:${config.PORT}/login`);
        } else {
          for (const p of result.problems) console.error(`refused: ${p.field} ${p.message}`);
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });
}

/** The password, or null with the exit code set and the reason said. */
async function passwordFor(): Promise<string | null> {
  const fromEnv = process.env[ADMIN_PASSWORD_VARIABLE];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    console.error(`no password: run this in a terminal to type it, or set ${ADMIN_PASSWORD_VARIABLE}`);
    process.exitCode = 2;
    return null;
  }
  try {
    const first = await readHiddenLine(`Password (${MIN_PASSWORD_LENGTH} characters or more): `);
    const again = await readHiddenLine('The same password again: ');
    if (first === again) return first;
    console.error('refused: the two passwords differ');
    process.exitCode = 1;
  } catch {
    console.error('cancelled');
    process.exitCode = 130;
  }
  return null;
}
