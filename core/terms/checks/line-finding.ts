import type { Finding } from '../../orders/findings.types.ts';
import type { CheckInput } from './check-input.ts';

/** The line reference every per-line finding carries, so a screen can put it beside the line. */
export function lineRef(order: CheckInput['order'], index: number): Pick<Finding, 'lineIndex' | 'lineId'> {
  return { lineIndex: index, lineId: order.lines[index].lineId };
}
