import { spawn } from 'node:child_process';

/**
 * PostgreSQL's own tools (pg_dump, pg_restore; the client of the server's major version or newer) do the dump and
 * the restore. The connection goes to them through libpq's environment variables, never on their command line,
 * where `ps` would show the password to every user of the machine.
 */
export function pgEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs one of the tools to its end; rejects with what it said on stderr when it fails or is not installed. */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: databaseUrl ? pgEnvironment(databaseUrl) : process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new Error(`${tool} could not be started (is the PostgreSQL client installed?): ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${tool} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().slice(0, 2000)}`));
    });
  });
}
