import { gs1Errors } from '../http/field-errors.ts';
import type { FieldError } from '../errors.ts';
import type { CustomerCreate, DeliveryPointInput } from '../../core/customers/customers.schemas.ts';

type PointRuleInput = Pick<DeliveryPointInput, 'gln' | 'windowFrom' | 'windowTo'>;

/** What the schema cannot say about a ship-to; paths relative to it. */
export function deliveryPointRuleErrors(dp: PointRuleInput): FieldError[] {
  const errors = gs1Errors('gln', dp.gln);
  // "HH:MM" strings compare in time order.
  if (dp.windowFrom && dp.windowTo && dp.windowFrom >= dp.windowTo)
    errors.push({ path: 'windowTo', code: 'before-start', params: { after: 'windowFrom' }, message: 'must be after windowFrom' });
  return errors;
}

const within = (prefix: string, errors: FieldError[]) => errors.map((e) => ({ ...e, path: `${prefix}.${e.path}` }));

/** What the schema cannot say about an account and the ship-tos it arrives with; paths relative to it. */
export function customerRuleErrors(
  c: Pick<CustomerCreate, 'gln'> & { deliveryPoints?: (PointRuleInput & { code: string; isDefault?: boolean })[] },
): FieldError[] {
  const errors = gs1Errors('gln', c.gln);
  const points = c.deliveryPoints ?? [];
  points.forEach((dp, i) => {
    errors.push(...within(`deliveryPoints.${i}`, deliveryPointRuleErrors(dp)));
    if (points.findIndex((other) => other.code === dp.code) < i)
      errors.push({ path: `deliveryPoints.${i}.code`, code: 'duplicate', params: {}, message: `repeats the code ${dp.code}` });
    // A GLN names one party (core/customers/gln.ts): not the account and one of its points, not two points.
    const first = points.findIndex((other) => other.gln === dp.gln);
    if (dp.gln && dp.gln === c.gln)
      errors.push({
        path: `deliveryPoints.${i}.gln`,
        code: 'own-gln',
        params: { value: dp.gln },
        message: `is the account's own GLN ${dp.gln}: a GLN names one party`,
      });
    else if (dp.gln && first < i)
      errors.push({
        path: `deliveryPoints.${i}.gln`,
        code: 'duplicate',
        params: {},
        message: `repeats the GLN of deliveryPoints.${first}: a GLN names one party`,
      });
  });
  if (points.filter((dp) => dp.isDefault).length > 1)
    errors.push({ path: 'deliveryPoints', code: 'one-default', params: {}, message: 'only one delivery point can be the default' });
  return errors;
}
