/** Shapes of the answers of docs/api-contract.md that core/ does not already name. */
import type { SessionUser } from '../../../core/auth/roles.ts';
import type { IsoDate } from '../../../core/calendar/dates.ts';
import type { ErrorParams, FieldCode, TimelineNote } from '../../../core/shared/error-codes.ts';
import type { Product } from '../../../core/catalog/product.ts';
import type { Customer, CustomerDetail } from '../../../core/customers/customer.ts';
import type { OrderAction } from '../../../core/orders/lifecycle.ts';
import type { Order } from '../../../core/orders/order.ts';
import type { OrderFinding, OrderSuggestion } from '../../../core/orders/order-findings.ts';
import type { PriceTier } from '../../../core/pricing/price-list.ts';
import type { PriceList, Promotion } from '../../../core/pricing/pricing.types.ts';
import type { CustomerAgreement } from '../../../core/terms/agreement.types.ts';
import type { Terms } from '../../../core/terms/terms.types.ts';

export type Page<T> = { items: T[]; total: number };
export type Session = { user: SessionUser; csrfToken: string };

/** The list answers whole accounts, without their ship-tos and contacts. */
export type CustomerSummary = Customer;

export type CustomerProductCode = { id: number; customerId: number; code: string; productId: number; productCode: string; productName: string; unitFactor: number };

export type ProductDetail = Product & {
  substitutes: { id: number; code: string; name: string }[];
  stock: { warehouseId: number; warehouseName: string; onHand: number; reserved: number; available: number }[];
};

export type Warehouse = { id: number; code: string; name: string; street: string | null; postcode: string | null; city: string | null; gln: string | null };

export type StockRow = {
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  productId: number;
  productCode: string;
  productName: string;
  saleUnit: string;
  onHand: number;
  reserved: number;
  available: number;
};

export const IMPORT_KINDS = ['products', 'customers', 'price-lists', 'stock-levels'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportMode = 'validate' | 'commit' | 'commit-valid';
export type ImportRowError = { row: number; column: string; code: FieldCode; params: ErrorParams; reason: string };
export type ImportResult = { kind: ImportKind; mode: ImportMode; totalRows: number; validRows: number; written: number; errors: ImportRowError[] };

export type OrderContext = {
  customer: CustomerDetail;
  productCodes: { code: string; productId: number }[];
  prices: PriceTier[];
  earliestDates: Record<string, IsoDate>;
  today: IsoDate;
  /** The Paris wall clock when loaded: the rules' today. */
  now: { date: IsoDate; time: string };
  /** What the rules read (the same as the server's): terms, agreement, price list, promotions, usual products. */
  terms: Terms;
  termsCode: string | null;
  agreement: CustomerAgreement;
  priceList: PriceList | null;
  promotions: Promotion[];
  usualProductIds: number[];
};

export type OrderSummary = Pick<Order, 'id' | 'number' | 'status' | 'customerId' | 'customerName' | 'deliveryPointId' | 'channel' | 'customerRef' | 'requestedDate' | 'promisedDate' | 'backorderOfOrderId' | 'createdAt'> & {
  totals: { netCents: number; vatCents: number; grossCents: number };
  lineCount: number;
};

export type Delivery = {
  id: number;
  number: string;
  orderId: number;
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  plannedDate: IsoDate | null;
  status: string;
  deliveryNoteNumber: string | null;
  pallets: number;
  weightG: number;
  shippedAt: string | null;
  deliveredAt: string | null;
  /** The delivery note's public id: open it with documentUrl. */
  documentId: string | null;
  createdAt: string;
  lines: {
    id: number;
    orderLineId: number;
    productId: number;
    productCode: string;
    productName: string;
    saleUnit: string;
    quantity: number;
    deliveredQuantity: number | null;
    /** The lots that left on the line (FEFO at shipping); lot null: stock no lot on file accounts for. */
    lots: { lot: string | null; productionDate: IsoDate | null; bestBefore: IsoDate | null; quantity: number; belowMinShelfLife: boolean }[];
  }[];
};

export type OrderDetail = Order & {
  deliveries: Delivery[];
  backorders: { id: number; number: string }[];
  availableActions: OrderAction[];
  findings: OrderFinding[];
  suggestions: OrderSuggestion[];
};

export type { ApprovalItem } from '../../../core/orders/order-findings.ts';

export type AuditEvent = {
  id: number;
  at: string;
  action: string;
  userId: number | null;
  userName: string | null;
  entityType: string;
  entityId: number;
  before: unknown;
  after: unknown;
  /** A person's words, or a note written before codes existed: shown as is. */
  note: string | null;
  /** What the server noted, worded by the web (`timelineNotes.<code>`). */
  notes: TimelineNote[];
};
