import type { FastifyInstance } from 'fastify';

/**
 * SIGTERM (or SIGINT): the node drains (/api/health and /api/ready answer 503, new requests are refused), lets the
 * requests in flight finish, then closes: the EDI batch, the outbox job, a risk scan or a backup under way finish
 * (the onClose hooks wait for them), the database closes last, and the process exits 0. Past SHUTDOWN_GRACE_SECONDS
 * it exits 1, saying so: what was cut short is retried at the next start (the outbox, the EDI inbox).
 */
export function stopOnSignals(app: FastifyInstance, graceSeconds: number): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, inFlight: app.lifecycle.inFlight }, 'stopping: draining the requests in flight');
    const bound = setTimeout(() => {
      app.log.error({ graceSeconds }, 'stopping took longer than SHUTDOWN_GRACE_SECONDS: exiting with work cut short');
      process.exit(1);
    }, graceSeconds * 1000);
    bound.unref();
    await app.lifecycle.drain();
    await app.close();
    app.log.info('stopped cleanly');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, (s) => void stop(s));
}
