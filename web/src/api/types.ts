/**
 * The API's shapes, for the screens: each is the Static<> of the schema the server validates and documents with
 * (core/<capability>/*.schemas.ts), never a copy. Type-only re-exports: TypeBox stays out of the bundle.
 */
export type { Session } from '../../../core/auth/auth.schemas.ts';
export type { ProductDetail } from '../../../core/catalog/catalog.schemas.ts';
export type { Customer as CustomerSummary } from '../../../core/customers/customer.ts';
export type { CustomerProductCode } from '../../../core/customers/customers.schemas.ts';
export type { ImportKindName as ImportKind, ImportMode } from '../../../core/imports/import-kinds.ts';
export type { ImportIssue, ImportReport } from '../../../core/imports/imports.schemas.ts';
export type { Delivery } from '../../../core/orders/delivery.ts';
export type { ApprovalItem } from '../../../core/orders/order-findings.ts';
export type { AuditEvent, OrderContext, OrderDetail, OrderSummary } from '../../../core/orders/orders.schemas.ts';
export type { StockLevel, Warehouse } from '../../../core/stock/stock.schemas.ts';

/** A list answer: one page of items and the count of all that match. */
export type Page<T> = { items: T[]; total: number };
