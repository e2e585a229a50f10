import { type IsoDate, parisNow } from '../../core/calendar/dates.ts';
import type { Product } from '../../core/catalog/product.ts';
import type { DeliveryPoint } from '../../core/customers/customer.ts';
import type { RulesContext } from '../../core/orders/rules-context.types.ts';
import { masterDataStamp } from '../audit/master-data.repository.ts';
import { findProductsByIds } from '../catalog/products.repository.ts';
import { toProduct } from '../catalog/products.service.ts';
import { toCustomer, toDeliveryPoint } from '../customers/customer.mapping.ts';
import { findCustomer, listDeliveryPoints } from '../customers/customers.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { type CommercialContext, loadCommercialContext } from '../terms/rules-context.ts';
import { listCustomerCodes } from './order-context.repository.ts';
import { rulesContextOf } from './order-rules.ts';
import { type DraftSources, matchDraft, type OrderInput, priceDraft, type ResolvedDraft, unknownCustomer } from './resolve-draft.ts';

/**
 * A commercial context is kept this long at most: it holds the customer's open orders against its credit limit,
 * which others' confirmations move without touching master data. The run adds its own confirmations at once.
 */
const MAX_AGE_MS = 60_000;

type CustomerEntry = {
  sources: DraftSources & { products: Map<number, Product> };
  commercial: Map<IsoDate, { context: CommercialContext; loadedAt: number }>;
  contexts: Map<number, RulesContext>;
};

/**
 * Drafts resolved for a run of many orders (an EDI file): each customer's master data and commercial context are
 * read once, not per order, then every order is matched, priced and checked by the same pure steps as
 * `resolveDraft`. Usual products are not loaded: they only feed suggestions, which nobody reads on intake.
 * `revalidate` (once per batch) drops everything when master data changed since it was read: the same master-data
 * stamp as the desk's cache (server/orders/master-data-cache.ts), which also serves the commercial contexts read here.
 */
export class OrderContexts {
  private customers = new Map<number, CustomerEntry>();
  private products = new Map<number, Product>();
  private stamp: number | undefined = undefined;

  constructor(private readonly db: DbOrTrx) {}

  /** True when master data changed since the last call, and the cache was dropped. */
  async revalidate(): Promise<boolean> {
    const stamp = await masterDataStamp(this.db);
    if (stamp === this.stamp) return false;
    const changed = this.stamp !== undefined;
    this.stamp = stamp;
    this.customers.clear();
    this.products.clear();
    return changed;
  }

  /** Resolved as of `now`: a run passes the same instant for a whole batch, its Paris clock read once. */
  async resolve(input: OrderInput, now: Date): Promise<ResolvedDraft> {
    const entry = await this.customer(input.customerId);
    await this.loadProducts(
      entry,
      input.lines.flatMap((l) => (l.productId === undefined ? [] : [l.productId])),
    );
    const { deliveryPoint, matched } = matchDraft(entry.sources, input);
    const today = this.parisClock(now);
    const commercial = await this.commercial(entry, now, today.date);
    return priceDraft(entry.sources.customer, input, deliveryPoint, matched, this.rulesContext(entry, deliveryPoint, today, commercial), {
      suggest: false,
    });
  }

  /**
   * One rules context per delivery point on one clock, shared by its orders: the pricing index core builds per
   * context is then built once, not per order. Its products are all those read so far; the rules look up only the
   * order's own (without availability and suggestions, nothing walks the map).
   */
  private rulesContext(
    entry: CustomerEntry,
    deliveryPoint: DeliveryPoint,
    today: RulesContext['today'],
    commercial: CommercialContext,
  ): RulesContext {
    const kept = entry.contexts.get(deliveryPoint.id);
    if (kept && kept.today === today && kept.agreement === commercial.agreement) return kept;
    // An EDI run: no complaint gesture (OrderRulesInput.takesGestures).
    const context = rulesContextOf(
      { customer: entry.sources.customer, deliveryPoint, products: this.products, today },
      { ...commercial, gestures: [] },
    );
    entry.contexts.set(deliveryPoint.id, context);
    return context;
  }

  private clock: { at: number; paris: { date: IsoDate; time: string } } | null = null;

  private parisClock(now: Date): { date: IsoDate; time: string } {
    if (this.clock?.at !== now.getTime()) this.clock = { at: now.getTime(), paris: parisNow(now) };
    return this.clock.paris;
  }

  /** An order this run confirmed now counts among its customer's open orders, as a fresh read would count it. */
  confirmed(customerId: number, grossCents: number): void {
    for (const { context } of this.customers.get(customerId)?.commercial.values() ?? []) context.agreement.openOrdersCents += grossCents;
  }

  private async customer(id: number): Promise<CustomerEntry> {
    let entry = this.customers.get(id);
    if (!entry) {
      const row = await findCustomer(this.db, id);
      if (!row) throw unknownCustomer(id);
      const [points, codes] = await Promise.all([listDeliveryPoints(this.db, id), listCustomerCodes(this.db, id)]);
      entry = {
        sources: { customer: toCustomer(row), deliveryPoints: points.map(toDeliveryPoint), products: this.products, customerCodes: codes },
        commercial: new Map(),
        contexts: new Map(),
      };
      await this.loadProducts(
        entry,
        codes.map((c) => c.productId),
      );
      this.customers.set(id, entry);
    }
    return entry;
  }

  private async loadProducts(entry: CustomerEntry, ids: readonly number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !entry.sources.products.has(id));
    for (const row of await findProductsByIds(this.db, missing)) this.products.set(row.id, toProduct(row));
  }

  private async commercial(entry: CustomerEntry, now: Date, date: IsoDate): Promise<CommercialContext> {
    const kept = entry.commercial.get(date);
    if (kept && now.getTime() - kept.loadedAt < MAX_AGE_MS) return kept.context;
    entry.commercial.clear();
    const context = await loadCommercialContext(this.db, entry.sources.customer, { date, now, withUsualProducts: false });
    entry.commercial.set(date, { context, loadedAt: now.getTime() });
    return context;
  }
}
