import type { Finding } from '../../orders/findings.types.ts';
import type { Rule } from './check-input.ts';
import { lineLabel, say } from './format.ts';
import { lineRef } from './line-finding.ts';

/** A discontinued product is no longer made: the line cannot be served as is (block until replaced or removed). */
export const discontinued: Rule = ({ order, products }) => {
  const findings: Finding[] = [];
  for (let i = 0; i < order.lines.length; i++) {
    const p = products[i];
    if (!p || p.status !== 'discontinued') continue;
    findings.push({
      rule: 'discontinued',
      severity: 'block',
      ...lineRef(order, i),
      message: say([
        lineLabel(i, p.code),
        [
          ` : « ${p.name} » n'est plus fabriqué ; proposer un produit de remplacement ou retirer la ligne.`,
          `: "${p.name}" is discontinued; offer a substitute or remove the line.`,
        ],
      ]),
      data: { productId: p.id, code: p.code },
    });
  }
  return findings;
};
