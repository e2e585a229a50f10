import type { Product } from '../catalog/product.ts';
import type { OrderDraft } from '../orders/order-draft.types.ts';
import { measureTerm, measureValue, orderTierState } from './order-tier.ts';
import { type PriceIndex, priceIndex } from './price-index.ts';
import { orderCharges, priceLine, type PricingContext, tierBpFor, tierCounted } from './price.ts';
import type { OrderTierDiscount, PricedLine, PricedOrder } from './pricing.types.ts';

/** A figure of a priced line that the caller adds up over the order: a whole number, so any order of addition gives it. */
export type LineFigure = (line: PricedLine) => number;

/** The order with one line's quantity changed, as `price` prices it. */
export type LineChange = {
  line: PricedLine;
  /** The order's net: its goods and its charges. */
  netCents: number;
  chargesNetCents: number;
  /** Each LineFigure added up over the changed order's lines. */
  figures: number[];
};

/** Every line priced at one step of the order tier, with the sums a change of one line starts from. */
type Base = {
  lines: readonly PricedLine[];
  goodsNetCents: number;
  vatBases: Map<number, number>;
  withGoods: number;
  pallets: Terms;
  figures: number[];
};

/** Floating-point terms as a left-to-right loop adds them, their sum, and what bounds the error of a shortcut. */
type Terms = { terms: number[]; sum: number; scale: number; whole: boolean };

function termsOf(terms: number[]): Terms {
  let sum = 0;
  let scale = 0;
  for (const t of terms) {
    sum += t;
    scale += Math.abs(t);
  }
  return { terms, sum, scale, whole: terms.every(Number.isInteger) };
}

const roundCenti = (v: number) => Math.round(v * 100) / 100;

/**
 * The loop's sum with term i replaced by x, read through `read` (a rounding, or none): whole terms add exactly; a
 * floating-point sum is taken from the running one when no rounding edge lies within that shortcut's error (far
 * above 2n ulps), else added again in the loop's order. Either way: what the loop would give.
 */
function replaced(t: Terms, i: number, x: number, read: (v: number) => number): number {
  const estimate = t.sum - t.terms[i] + x;
  if (t.whole && Number.isInteger(x) && t.scale + Math.abs(x) < Number.MAX_SAFE_INTEGER) return read(estimate);
  const slack = 1e-9 * (t.scale + Math.abs(x));
  const low = read(estimate - slack);
  if (low === read(estimate + slack)) return low;
  let sum = 0;
  for (let j = 0; j < t.terms.length; j++) sum += j === i ? x : t.terms[j];
  return read(sum);
}

/**
 * Re-prices an order with one line's quantity changed, without re-pricing its other lines: suggestions try a
 * change on every line, and re-pricing the whole order for each made opening a 2,000-line draft take seconds
 * (quadratic). The other lines keep their prices unless the change moves the order tier to another step; each
 * step met is priced whole once (a tier has a few). What `price` gives, exactly: the same functions price the
 * line and the charges, money adds up in whole cents, and a floating-point measure is re-added in order where
 * its rounding could differ (`replaced`). `before` must be `price(order, ctx)`.
 */
export class LineChangePricer {
  private readonly index: PriceIndex;
  private readonly discount: OrderTierDiscount | null;
  private readonly products: (Product | undefined)[];
  /** What each line adds to the order tier's measure. */
  private readonly measure: Terms;
  private readonly steps = new Map<number, Base>();

  constructor(
    private readonly order: OrderDraft,
    before: PricedOrder,
    private readonly ctx: PricingContext,
    private readonly lineFigures: readonly LineFigure[],
  ) {
    this.index = priceIndex(ctx, before.orderDate);
    this.discount = ctx.priceList?.orderDiscount ?? null;
    this.products = order.lines.map((l) => (l.productId === null ? undefined : ctx.products.get(l.productId)));
    this.measure = termsOf(order.lines.map((l, i) => this.measureOf(l, this.products[i])));
    this.steps.set(before.orderTier?.discountBp ?? 0, this.baseOf(before.lines));
  }

  change(lineIndex: number, quantity: number): LineChange {
    const draft = { ...this.order.lines[lineIndex], quantity };
    const product = this.products[lineIndex];
    let stepBp = 0;
    if (this.discount) {
      const discount = this.discount;
      const value = replaced(this.measure, lineIndex, this.measureOf(draft, product), (v) => measureValue(discount, v));
      stepBp = orderTierState(discount, value).discountBp;
    }
    const base = this.step(stepBp);
    const line = priceLine(lineIndex, draft, product, this.index, product ? tierBpFor(product, this.discount, stepBp) : 0);
    const old = base.lines[lineIndex];
    const figures = this.lineFigures.map((f, k) => base.figures[k] - f(old) + f(line));
    let goodsNetCents = base.goodsNetCents;
    let withGoods = base.withGoods;
    const vatBases = new Map(base.vatBases);
    if (product) {
      goodsNetCents += line.netCents - old.netCents;
      withGoods += (line.quantity > 0 ? 1 : 0) - (old.quantity > 0 ? 1 : 0);
      vatBases.set(product.vatRateBp, vatBases.get(product.vatRateBp)! - old.netCents + line.netCents);
    }
    const pallets = replaced(base.pallets, lineIndex, line.pallets, roundCenti);
    const { charges } = orderCharges(
      this.ctx.terms,
      this.order.requestedDate,
      { goodsNetCents, pallets, hasGoods: withGoods > 0, bases: vatBases },
      this.ctx.gestures,
    );
    const chargesNetCents = charges.reduce((sum, c) => sum + c.netCents, 0);
    return { line, netCents: goodsNetCents + chargesNetCents, chargesNetCents, figures };
  }

  private measureOf(line: OrderDraft['lines'][number], product: Product | undefined): number {
    const counted = this.discount && product ? tierCounted(line, product, this.index) : null;
    return counted ? measureTerm(this.discount!, counted) : 0;
  }

  private step(stepBp: number): Base {
    let base = this.steps.get(stepBp);
    if (!base) {
      const lines = this.order.lines.map((l, i) => {
        const product = this.products[i];
        return priceLine(i, l, product, this.index, product ? tierBpFor(product, this.discount, stepBp) : 0);
      });
      this.steps.set(stepBp, (base = this.baseOf(lines)));
    }
    return base;
  }

  /** The sums `price` makes over the goods (pallets: each line's, in order, as the totals add them). */
  private baseOf(lines: readonly PricedLine[]): Base {
    let goodsNetCents = 0;
    let withGoods = 0;
    const vatBases = new Map<number, number>();
    const figures = this.lineFigures.map(() => 0);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      for (let k = 0; k < figures.length; k++) figures[k] += this.lineFigures[k](line);
      const product = this.products[i];
      if (!product) continue;
      goodsNetCents += line.netCents;
      if (line.quantity > 0) withGoods++;
      vatBases.set(product.vatRateBp, (vatBases.get(product.vatRateBp) ?? 0) + line.netCents);
    }
    return { lines, goodsNetCents, vatBases, withGoods, pallets: termsOf(lines.map((l) => l.pallets)), figures };
  }
}
