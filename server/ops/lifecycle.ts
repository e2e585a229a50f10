import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** The routes a load balancer asks while a node starts or stops: they answer whatever the state. */
export const PROBE_ROUTES = new Set(['/api/health', '/api/ready']);

/**
 * A node's life as the load balancer sees it: not ready until serve() has started everything, then ready; on
 * SIGTERM, draining: /api/health and /api/ready answer 503 so traffic goes elsewhere, a new request is refused
 * (503 SHUTTING_DOWN), and the requests in flight are let finish.
 */
export function createLifecycle() {
  let ready = false;
  let draining = false;
  let inFlight = 0;
  const waiting = new Set<() => void>();
  return {
    markReady: () => void (ready = true),
    state: (): 'starting' | 'ready' | 'draining' => (draining ? 'draining' : ready ? 'ready' : 'starting'),
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    enter(): void {
      inFlight++;
    },
    leave(): void {
      inFlight--;
      if (inFlight === 0) for (const wake of waiting) wake();
    },
    /** Stops taking requests; resolves when none is in flight. */
    drain(): Promise<void> {
      draining = true;
      return inFlight === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            const wake = () => {
              waiting.delete(wake);
              resolve();
            };
            waiting.add(wake);
          });
    },
  };
}
export type Lifecycle = ReturnType<typeof createLifecycle>;

export function registerLifecycle(app: FastifyInstance, lifecycle: Lifecycle): void {
  app.addHook('onRequest', async (request, reply) => {
    if (PROBE_ROUTES.has(request.routeOptions.url ?? '')) return;
    if (lifecycle.draining) {
      // The client is told to open its next connection elsewhere: this one is about to close.
      void reply.header('connection', 'close');
      throw new AppError('SHUTTING_DOWN', 'This server is stopping: retry, another one will answer.');
    }
    lifecycle.enter();
    // 'close' comes once the response is sent, or when the client goes away first: either way it is over.
    reply.raw.once('close', () => lifecycle.leave());
  });
}
