import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Received = { to: string[]; mail: ParsedMail };

/** A real SMTP server on localhost that keeps what it receives; it can be stopped and started again on its port. */
export class TestSmtp {
  received: Received[] = [];
  private server: SMTPServer | null = null;
  constructor(readonly port: number) {}

  static async freePort(): Promise<number> {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(resolve) : resolve()));
    this.server = null;
  }

  async waitFor(subjectPart: string, timeoutMs = 10_000): Promise<Received> {
    for (let waited = 0; ; waited += 50) {
      const found = this.received.find((r) => r.mail.subject?.includes(subjectPart));
      if (found) return found;
      if (waited > timeoutMs) throw new Error(`no email with "${subjectPart}" in its subject after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
