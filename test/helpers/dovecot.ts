import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A private Dovecot for the intake tests: its own config in a temp folder, its own port on 127.0.0.1, one user in a
 * passwd-file with a plain password, maildirs in the temp folder, run in the foreground by the test (no systemd).
 * Messages are delivered by IMAP APPEND (`deliver`). Absent Dovecot skips the suites that need it, with a message,
 * unless CARNET_REQUIRE_IMAP=1 (CI), where it fails them.
 */
export type Dovecot = { host: string; port: number; user: string; password: string; dir: string; stop(): Promise<void> };

const BINARY = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((b) => fs.existsSync(b)) ?? null;

export function dovecotAvailable(): boolean {
  if (BINARY) return true;
  const message = 'Dovecot is not installed (apt-get install dovecot-imapd): the IMAP mailbox tests are SKIPPED.';
  if (process.env.CARNET_REQUIRE_IMAP === '1') throw new Error(message);
  console.warn(message);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPort(port: number, ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (performance.now() > until) throw new Error(`Dovecot did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startDovecot(): Promise<Dovecot> {
  if (!BINARY) throw new Error('Dovecot is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carnet-dovecot-'));
  const port = await freePort();
  const user = 'commandes';
  const password = 'mot-de-passe-test';
  // Run as root (CI containers), Dovecot's login and internal processes must be the packaged unprivileged users, and
  // the mail is kept under the `dovecot` user; otherwise everything runs as the current user.
  const me = os.userInfo();
  const root = me.uid === 0;
  const idOf = (flag: string, name: string) => Number(spawnSync('id', [flag, name]).stdout.toString().trim());
  const uid = root ? idOf('-u', 'dovecot') : me.uid;
  const gid = root ? idOf('-g', 'dovecot') : me.gid;
  const loginUser = root ? 'dovenull' : me.username;
  const internalUser = root ? 'dovecot' : me.username;
  const group = root ? 'dovecot' : spawnSync('id', ['-gn']).stdout.toString().trim() || me.username;
  for (const sub of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}:${uid}:${gid}::${path.join(dir, 'home', user)}::\n`);
  const config = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    config,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_login_user = ${loginUser}
default_internal_user = ${internalUser}
default_internal_group = ${group}
first_valid_uid = ${uid}
first_valid_gid = ${gid}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0600
  }
  unix_listener stats-writer {
    mode = 0600
  }
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
namespace inbox {
  inbox = yes
  separator = /
}
`,
  );
  if (root) for (const sub of ['', 'mail', 'home', 'passwd']) fs.chownSync(path.join(dir, sub), uid, gid);
  const child = spawn(BINARY, ['-F', '-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForPort(port, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '';
    throw new Error(`${(error as Error).message}\n${output}\n${log}`, { cause: error });
  }
  return {
    host: '127.0.0.1',
    dir,
    port,
    user,
    password,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Delivers messages into a folder of the test mailbox, as a mail server would (IMAP APPEND). */
export async function deliver(server: Dovecot, messages: readonly (string | Buffer)[], folder = 'INBOX'): Promise<void> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  await client.connect();
  try {
    for (const m of messages) await client.append(folder, m);
  } finally {
    await client.logout();
  }
}

/** The messages left in a folder (their subjects), to check what Carnet moved. */
export async function folderSubjects(server: Dovecot, folder: string): Promise<string[]> {
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    auth: { user: server.user, pass: server.password },
    logger: false,
  });
  await client.connect();
  try {
    const lock = await client.getMailboxLock(folder);
    try {
      const subjects: string[] = [];
      if (client.mailbox && client.mailbox.exists > 0)
        for await (const m of client.fetch('1:*', { envelope: true })) subjects.push(m.envelope?.subject ?? '');
      return subjects;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
