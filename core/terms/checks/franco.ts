import type { Rule } from './check-input.ts';
import { eur, num, say, source } from './format.ts';

/** Under franco: not a fault, but the customer pays the fee, and should hear what is missing to avoid it. */
export const franco: Rule = ({ priced, ctx }) => {
  const f = priced.franco;
  if (!f || f.feeCents === 0) return [];
  const byValue = f.measure === 'value';
  const value = byValue ? say([eur(f.value), [' HT', ' excl. VAT']]) : say([num(f.value), [' palette(s)', ' pallet(s)']]);
  const threshold = byValue ? say([eur(f.threshold), [' HT', ' excl. VAT']]) : say([num(f.threshold), [' palettes', ' pallets']]);
  const missing = byValue ? eur(f.missing) : say([num(f.missing), [' palette(s)', ' pallet(s)']]);
  return [
    {
      rule: 'franco',
      severity: 'info',
      message: say([
        ['Commande de ', 'Order of '],
        value,
        [' sous le franco de ', ' below the free-delivery threshold of '],
        threshold,
        ' ',
        source(ctx.terms, 'franco'),
        [' : frais de port de ', ': shipping fee of '],
        eur(f.feeCents),
        [' HT ; il manque ', ' excl. VAT; '],
        missing,
        [' pour les éviter.', ' more avoids it.'],
      ]),
      data: { measure: f.measure, value: f.value, threshold: f.threshold, missing: f.missing, feeCents: f.feeCents },
    },
  ];
};
