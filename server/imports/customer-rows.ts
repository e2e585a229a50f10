import { CHANNELS, TYPOLOGIES } from '../../core/customers/customer.ts';
import { customerRuleErrors } from '../customers/customer.rules.ts';
import { type CustomerCreate, CustomerCreateSchema, type DeliveryPointInput } from '../../core/customers/customers.schemas.ts';
import { column, type RowSpec, rowRead } from './import-kind.ts';
import { compact, RowReader, schemaIssues } from './row-reader.ts';

export type CustomerRow = { customer: CustomerCreate & { deliveryPoints: [DeliveryPointInput] }; priceListCode: string | null };

/** Columns of the default ship-to, by the field each fills. */
const POINT_COLUMNS: Record<string, string> = {
  code: 'deliveryPointCode',
  name: 'deliveryPointName',
  gln: 'deliveryPointGln',
  street: 'deliveryStreet',
  postcode: 'deliveryPostcode',
  city: 'deliveryCity',
  deliveryWeekdays: 'deliveryWeekdays',
  leadTimeDays: 'leadTimeDays',
  cutoffTime: 'cutoffTime',
  windowFrom: 'windowFrom',
  windowTo: 'windowTo',
  appointmentRequired: 'appointmentRequired',
  unloadingNotes: 'unloadingNotes',
};

function columnOf(path: string): string {
  const point = /^deliveryPoints\.0\.?(\w*)/.exec(path);
  if (point) return POINT_COLUMNS[point[1]] ?? 'deliveryPointCode';
  return path === 'creditLimitCents' ? 'creditLimit' : path;
}

/**
 * One customer per row with its default ship-to, upserted by customer code (the ship-to by its own code,
 * `<customer code>-DP1` when left empty). The ship-to's address defaults to the account's. Credit limit in euros.
 */
export const customerRows: RowSpec<CustomerRow> = {
  columns: [
    column('code', 'C100', true),
    column('name', 'Boulangerie du Centre', true),
    column('typology', 'ARTISAN', true),
    column('siret', '12345678900011'),
    column('vatNumber', 'FR12345678901'),
    column('gln', ''),
    column('street', '1 place du Martroi', true),
    column('postcode', '45000', true),
    column('city', 'Orléans', true),
    column('country', 'FR'),
    column('phone', '02 38 00 00 00'),
    column('email', 'contact@boulangerie.example'),
    column('preferredChannel', 'phone', true),
    column('paymentTerms', '30J', true),
    column('creditLimit', '5000'),
    column('priceListCode', 'PL-ARTISANS-2026'),
    ...Object.values(POINT_COLUMNS).map((name) =>
      column(
        name,
        { deliveryWeekdays: 'MON,WED,FRI', leadTimeDays: '1', cutoffTime: '12:00' }[name] ?? '',
        name === 'deliveryWeekdays' || name === 'cutoffTime',
      ),
    ),
  ],
  keyColumn: 'code',
  key: (c) => c.customer.code,
  read(cells) {
    const r = new RowReader(cells);
    const street = r.text('street', true);
    const postcode = r.text('postcode', true);
    const city = r.text('city', true);
    const code = r.text('code', true);
    const point = compact({
      code: r.text('deliveryPointCode') ?? `${code}-DP1`,
      name: r.text('deliveryPointName') ?? r.text('name') ?? '',
      gln: r.text('deliveryPointGln'),
      street: r.text('deliveryStreet') ?? street,
      postcode: r.text('deliveryPostcode') ?? postcode,
      city: r.text('deliveryCity') ?? city,
      deliveryWeekdays: r.weekdays('deliveryWeekdays', true),
      leadTimeDays: r.int('leadTimeDays') ?? 1,
      cutoffTime: r.text('cutoffTime', true),
      windowFrom: r.text('windowFrom'),
      windowTo: r.text('windowTo'),
      appointmentRequired: r.bool('appointmentRequired') ?? false,
      unloadingNotes: r.text('unloadingNotes'),
      isDefault: true,
    }) as DeliveryPointInput;
    const customer = compact({
      code,
      name: r.text('name', true),
      typology: r.choice('typology', TYPOLOGIES, true),
      siret: r.text('siret')?.replace(/\s/g, '') ?? null,
      vatNumber: r.text('vatNumber')?.replace(/\s/g, '').toUpperCase() ?? null,
      gln: r.text('gln'),
      street,
      postcode,
      city,
      country: r.text('country')?.toUpperCase() ?? undefined,
      phone: r.text('phone'),
      email: r.text('email'),
      preferredChannel: r.choice('preferredChannel', CHANNELS, true),
      paymentTerms: r.text('paymentTerms', true),
      creditLimitCents: r.hundredths('creditLimit') ?? 0,
      deliveryPoints: [point],
    }) as CustomerRow['customer'];
    const issues = [...r.issues];
    issues.push(...schemaIssues(CustomerCreateSchema, customer, () => customerRuleErrors(customer), columnOf, issues));
    return rowRead({ customer, priceListCode: r.text('priceListCode') }, issues);
  },
};
