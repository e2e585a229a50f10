import type { MapLookups, MapProduct } from '../../core/edi/eancom/map-order.ts';
import type { DbOrTrx } from '../db/database.ts';
import { listCustomerProductCodes, listCustomersWithGln, listDeliveryPointsWithGln, listProductKeys } from './edi.repository.ts';

/**
 * Master data for mapping, read once per run and kept: customers and delivery points by GLN, products by GTIN,
 * case GTIN and code, each customer's product codes on first use. A large file maps without a query per line.
 */
export class EdiLookups implements MapLookups {
  private customers = new Map<string, { id: number; code: string }>();
  private points = new Map<string, { id: number }>();
  private owners = new Map<string, number[]>();
  private byGtin = new Map<string, MapProduct>();
  private byCode = new Map<string, MapProduct>();
  private codes = new Map<number, Map<string, { productId: number; unitFactor: number }>>();

  private constructor(private readonly db: DbOrTrx) {}

  static async load(db: DbOrTrx): Promise<EdiLookups> {
    const l = new EdiLookups(db);
    const [customers, points, products] = await Promise.all([listCustomersWithGln(db), listDeliveryPointsWithGln(db), listProductKeys(db)]);
    for (const c of customers) {
      l.customers.set(c.gln!, { id: c.id, code: c.code });
      l.own(c.gln!, c.id);
    }
    for (const p of points) {
      l.points.set(`${p.customerId}|${p.gln}`, { id: p.id });
      l.own(p.gln!, p.customerId);
    }
    for (const p of products) {
      const product: MapProduct = { id: p.id, code: p.code, gtin: p.gtin, caseGtin: p.caseGtin, unitsPerCarton: p.unitsPerCarton };
      l.byCode.set(p.code, product);
      if (p.caseGtin) l.byGtin.set(p.caseGtin, product);
      if (p.gtin) l.byGtin.set(p.gtin, product);
    }
    return l;
  }

  /** Loads a customer's codes before its messages are mapped (the mapping itself is synchronous). */
  async prepareCustomer(customerId: number, refresh = false): Promise<void> {
    if (this.codes.has(customerId) && !refresh) return;
    const rows = await listCustomerProductCodes(this.db, customerId);
    this.codes.set(customerId, new Map(rows.map((r) => [r.code, { productId: r.productId, unitFactor: r.unitFactor }])));
  }

  private own(gln: string, customerId: number): void {
    const held = this.owners.get(gln);
    if (!held) this.owners.set(gln, [customerId]);
    else if (!held.includes(customerId)) held.push(customerId);
  }

  ownersOfGln(gln: string): readonly number[] {
    return this.owners.get(gln) ?? [];
  }
  customerByGln(gln: string) {
    return this.customers.get(gln) ?? null;
  }
  deliveryPointByGln(customerId: number, gln: string) {
    return this.points.get(`${customerId}|${gln}`) ?? null;
  }
  productByGtin(gtin: string) {
    return this.byGtin.get(gtin) ?? null;
  }
  productByCode(code: string) {
    return this.byCode.get(code) ?? null;
  }
  customerCode(customerId: number, code: string) {
    return this.codes.get(customerId)?.get(code) ?? null;
  }
}
