import type { Finding } from '../../orders/findings.types.ts';
import type { Rule } from './check-input.ts';
import { eur, num, say, source } from './format.ts';

/** Below the minimum order (value HT, or pallets for retail centrals): approval or block, as the terms say. */
export const minOrderValue: Rule = ({ order, priced, ctx }) => {
  const { terms } = ctx;
  if (order.lines.length === 0) return [];
  const value = priced.totals.goodsNetCents;
  const pallets = priced.totals.pallets;
  const findings: Finding[] = [];
  if (terms.minOrderValueCents !== null && value < terms.minOrderValueCents) {
    findings.push({
      rule: 'min-order-value',
      severity: terms.minOrderSeverity,
      message: say([
        ['Commande de ', 'Order of '],
        eur(value),
        [' HT : minimum ', ' excl. VAT: minimum '],
        eur(terms.minOrderValueCents),
        [' HT ', ' excl. VAT '],
        source(terms, 'minOrder'),
        [' (il manque ', ' ('],
        eur(terms.minOrderValueCents - value),
        [').', ' short).'],
      ]),
      data: { measure: 'value', valueCents: value, minimumCents: terms.minOrderValueCents, missingCents: terms.minOrderValueCents - value },
    });
  }
  if (terms.minOrderPallets !== null && pallets < terms.minOrderPallets) {
    findings.push({
      rule: 'min-order-value',
      severity: terms.minOrderSeverity,
      message: say([
        ['Commande de ', 'Order of '],
        num(pallets),
        [' palette(s) : minimum ', ' pallet(s): minimum '],
        num(terms.minOrderPallets),
        [' palette(s) ', ' pallet(s) '],
        source(terms, 'minOrder'),
        '.',
      ]),
      data: { measure: 'pallets', pallets, minimumPallets: terms.minOrderPallets },
    });
  }
  return findings;
};
