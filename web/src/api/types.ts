/**
 * The API's shapes, for the screens: each is the Static<> of the schema the server validates and documents with
 * (core/<capability>/*.schemas.ts), never a copy. Type-only re-exports: TypeBox stays out of the bundle.
 */
export type { CurrentSession, DemoLogins, Session } from '../../../core/auth/auth.schemas.ts';
export type { ProductDetail, ProductList } from '../../../core/catalog/catalog.schemas.ts';
export type { Customer as CustomerSummary } from '../../../core/customers/customer.ts';
export type { CustomerList, CustomerProductCode } from '../../../core/customers/customers.schemas.ts';
export type { ImportKindName as ImportKind, ImportMode } from '../../../core/imports/import-kinds.ts';
export type { ImportIssue, ImportReport } from '../../../core/imports/imports.schemas.ts';
export type { Delivery } from '../../../core/orders/delivery.ts';
export type { ApprovalItem, Approvals } from '../../../core/orders/order-findings.ts';
export type { ChangeRequest, ChangeRequestList } from '../../../core/orders/change-requests.schemas.ts';
export type { AuditEvent, OrderContext, OrderDetail, OrderList, OrderSummary } from '../../../core/orders/orders.schemas.ts';
export type { OnHandInput, StockLevel, StockLevelList, Warehouse } from '../../../core/stock/stock.schemas.ts';
