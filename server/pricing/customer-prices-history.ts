import { workbookOf } from '../http/excel.ts';
import { listAuditEvents } from '../audit/audit.repository.ts';
import type { DbOrTrx } from '../db/database.ts';
import { listCustomerPrices } from './customer-prices.service.ts';

type PriceView = { customerId?: number };

/**
 * Who changed the customer's net prices, what and when: the audit read back, newest first. The events are kept per
 * price; the customer is read from the price as it stood before or after the change.
 */
export async function customerPriceHistory(db: DbOrTrx, customerId: number) {
  await listCustomerPrices(db, customerId); // 404 for an unknown customer
  const events = await listAuditEvents(db, { entityType: 'customer_price' });
  return events.filter((e) => ((e.after ?? e.before) as PriceView | null)?.customerId === customerId).reverse();
}

/** The customer's net prices as an Excel sheet, as the screen lists them: for the sales rep or the customer. */
export async function customerPricesWorkbook(db: DbOrTrx, customerId: number): Promise<Buffer> {
  const prices = await listCustomerPrices(db, customerId);
  return workbookOf({
    name: 'Prix nets',
    columns: [
      { header: 'Code article', key: 'productCode', width: 16 },
      { header: 'Article', key: 'productName', width: 44 },
      { header: 'Prix net HT (€)', key: 'price', width: 16, style: { numFmt: '#,##0.00' } },
      { header: 'Du', key: 'validFrom', width: 12 },
      { header: 'Au', key: 'validTo', width: 12 },
      { header: 'Note', key: 'note', width: 40 },
    ],
    rows: prices.map((p) => ({
      productCode: p.productCode,
      productName: p.productName,
      price: p.unitPriceCents / 100,
      validFrom: p.validFrom,
      validTo: p.validTo ?? '',
      note: p.note ?? '',
    })),
  });
}
