import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../errors.ts';
import {
  buyerDeliveryPointIds,
  type CustomerFeature,
  customerHasFeature,
  isCustomersDeliveryPoint,
  type OwnedRecord,
  ownerOf,
} from './buyer-scope.repository.ts';

/**
 * Which of a customer's rows a route lets her buyer touch (the customer portal). A route whose `access` admits
 * `buyer` must declare one, in its `config` beside `access`; registration refuses it otherwise (auth.plugin.ts).
 * The check runs here, for every route, never in a handler:
 * - `own-account`: the route touches only the caller's own account or session (logout, password), no customer's row;
 * - `query`: a list; the named query field is set to her customer, whatever she asked for;
 * - `body`: a write naming a customer in the named body field: absent, it is filled with hers; another → 403.
 *   `deliveryPoint` names the body field of the delivery point, held to the points she orders for (403);
 *   `set` fixes body fields for her (an order from the portal has the channel `portal`), `ignore` drops the ones
 *   that are the desk's to write (the mood a complaint was told in is the assistant's reading, not the buyer's);
 *   `records` names body fields that point at a customer's record (a complaint's order or delivery): another
 *   customer's answers 404, as if it did not exist;
 * - `record`: a row named by a path parameter: another customer's row answers 404, as if it did not exist;
 *   `requires` a feature her customer must have for the route to mean anything (customer stocks): else 403;
 * - `per-file`: the documents download, where core/auth/document-access.ts decides each file for every caller.
 */
export type BuyerScope =
  | { kind: 'own-account' }
  | { kind: 'query'; field: string }
  | {
      kind: 'body';
      field: string;
      deliveryPoint?: string;
      set?: Readonly<Record<string, string>>;
      ignore?: readonly string[];
      records?: Readonly<Record<string, { record: OwnedRecord; entity: string }>>;
    }
  | { kind: 'record'; param: string; record: OwnedRecord; entity: string; requires?: CustomerFeature }
  | { kind: 'per-file' };

/** What a buyer is shown of an answer, when it must hide what is ours (margins, credit): applied in one place. */
export type BuyerView = (payload: unknown) => unknown;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** For a route whose access admits `buyer`: which customer's rows she may touch there (buyer-scope.ts). */
    buyerScope?: BuyerScope;
    /** For a route open to buyers: what of its answer a buyer sees (ours hidden). */
    buyerView?: BuyerView;
  }
}

type Bag = Record<string, unknown>;
const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The buyer's customer: a buyer without one reaches nothing. */
function buyerCustomer(request: FastifyRequest): number | null {
  if (request.user?.role !== 'buyer') return null;
  if (request.user.customerId === null) throw new AppError('FORBIDDEN', 'This buyer account belongs to no customer.');
  return request.user.customerId;
}

/** The hooks that hold a buyer to her customer on every route, as the route's `buyerScope` says. */
export function registerBuyerScope(app: FastifyInstance): void {
  // Before validation: what is forced on her request is validated like the rest of it.
  app.addHook('preValidation', async (request) => {
    const customerId = buyerCustomer(request);
    const scope = request.routeOptions.config?.buyerScope;
    if (customerId === null || !scope) return;
    if (scope.kind === 'query' && isBag(request.query)) request.query[scope.field] = String(customerId);
    if (scope.kind === 'body' && isBag(request.body)) {
      const body = request.body;
      body[scope.field] ??= customerId;
      for (const [field, value] of Object.entries(scope.set ?? {})) body[field] = value;
      for (const field of scope.ignore ?? []) delete body[field];
    }
  });

  // After validation: the ids are numbers of the right shape.
  app.addHook('preHandler', async (request) => {
    const customerId = buyerCustomer(request);
    const scope = request.routeOptions.config?.buyerScope;
    if (customerId === null || !scope) return;
    if (scope.kind === 'record') {
      const id = Number((request.params as Bag)[scope.param]);
      if ((await ownerOf(app.db, scope.record, id)) !== customerId) throw notFound(scope.entity, id);
      if (scope.requires && !(await customerHasFeature(app.db, customerId, scope.requires)))
        throw new AppError('FORBIDDEN', `This does not apply to your company (${scope.requires}).`);
    }
    if (scope.kind === 'body' && isBag(request.body)) {
      if (request.body[scope.field] !== customerId) throw new AppError('FORBIDDEN', 'You may only act for your own company.');
      for (const [field, { record, entity }] of Object.entries(scope.records ?? {})) {
        const id = request.body[field];
        if (typeof id === 'number' && (await ownerOf(app.db, record, id)) !== customerId) throw notFound(entity, id);
      }
      const point = scope.deliveryPoint ? request.body[scope.deliveryPoint] : undefined;
      if (typeof point === 'number') {
        const allowed = await buyerDeliveryPointIds(app.db, request.user!.id);
        const hers = allowed.length ? allowed.includes(point) : await isCustomersDeliveryPoint(app.db, customerId, point);
        if (!hers) throw new AppError('FORBIDDEN', 'You may not order for this delivery point.');
      }
    }
  });

  app.addHook('preSerialization', async (request, reply, payload) => {
    const view = request.routeOptions.config?.buyerView;
    if (request.user?.role !== 'buyer' || !view || reply.statusCode >= 400) return payload;
    return view(payload);
  });
}
