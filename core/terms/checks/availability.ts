import { addDays } from '../../calendar/dates.ts';
import type { Finding } from '../../orders/findings.types.ts';
import { availability as atp } from '../../stock/availability.ts';
import type { Rule } from './check-input.ts';
import { day, lineLabel, qty, say } from './format.ts';
import { lineRef } from './line-finding.ts';

/**
 * A line the stock cannot serve in full on the delivery date, for this customer (lots too old for his minimum
 * shelf life do not count): the shortfall, the first date it can be complete, and the substitutes that can. Lines
 * of the same product draw on the same stock, in line order. A warning when a receipt completes it later (the
 * assistant offers the date or a substitute); approval when nothing planned ever does (a manager decides to take
 * an order we cannot serve).
 */
export const availability: Rule = ({ order, ctx, products }) => {
  const stock = ctx.availability;
  if (!stock) return [];
  const date = order.requestedDate ?? ctx.today.date;
  const taken = new Map<number, number>();
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const product = products[i];
    const quantity = order.lines[i].quantity;
    const input = product && stock.byProduct.get(product.id);
    if (!product || !input || quantity <= 0) continue;
    // Beyond the product's shelf life from today, nothing on the shelf now can serve the date and its production is
    // not planned yet: today's stock says nothing about it (the risk scan watches it as the date comes).
    if (input.shelfLifeDays && date > addDays(ctx.today.date, input.shelfLifeDays) && !input.receipts.some((r) => r.date >= date)) continue;
    const already = taken.get(product.id) ?? 0;
    taken.set(product.id, already + quantity);
    const a = atp(product.id, date, input);
    const free = Math.max(0, a.promisable - already);
    if (free >= quantity) continue;
    const shortfall = quantity - free;
    const earliest = a.earliestCompleteDate(already + quantity);
    const substitutes = (stock.substitutes.get(product.id) ?? []).flatMap((id) => {
      const sub = ctx.products.get(id);
      const subInput = stock.byProduct.get(id);
      const promisable = sub && subInput ? atp(id, date, subInput).promisable : 0;
      return sub && promisable > 0 ? [{ productId: id, code: sub.code, promisable }] : [];
    });
    findings.push({
      rule: 'availability',
      severity: earliest ? 'warning' : 'approval',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, product.code),
        [' : ', ': '],
        qty(free, product),
        [' disponibles le ', ' available on '],
        day(date),
        [' sur ', ' of '],
        qty(quantity, product),
        [', il manque ', ', short by '],
        qty(shortfall, product),
        earliest
          ? say([[' ; complet le ', '; complete on '], day(earliest)])
          : [' ; aucune réception prévue ne la complète', '; no planned receipt completes it'],
        substitutes.length
          ? say([
              [' ; en stock en remplacement : ', '; substitutes in stock: '],
              substitutes.map((s) => `${s.code} (${s.promisable})`).join(', '),
            ])
          : '',
        '.',
      ]),
      data: {
        productId: product.id,
        quantity,
        promisable: free,
        shortfall,
        date,
        earliestCompleteDate: earliest,
        substitutes: substitutes.map((s) => `${s.code}:${s.promisable}`),
        substituteIds: substitutes.map((s) => s.productId),
      },
    });
  }
  return findings;
};
