import { Type, type Static } from '@sinclair/typebox';
import { ImportIssueSchema } from '../imports/imports.schemas.ts';
import { DocumentIdSchema, Int32, IsoDateString, Nullable } from '../shared/schemas.ts';

export const VmiSettingsSchema = Type.Object({
  customerId: Type.Integer(),
  enabled: Type.Boolean(),
  targetCoverDays: Type.Integer(),
  updatedAt: Nullable(Type.String()),
});
export type VmiSettings = Static<typeof VmiSettingsSchema>;
export const VmiSettingsInputSchema = Type.Object(
  { enabled: Type.Boolean(), targetCoverDays: Int32({ minimum: 1, maximum: 120 }) },
  { additionalProperties: false },
);
export type VmiSettingsInput = Static<typeof VmiSettingsInputSchema>;

const Figures = {
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  saleUnit: Type.String(),
  reportDate: IsoDateString,
  onHand: Type.Integer(),
  dailyUse: Type.Number({ description: 'sale units a day, with the expected promotion uplift' }),
  baseDailyUse: Type.Number({ description: 'sale units a day from the reports and deliveries (or as the customer reported it)' }),
  dailyUseMethod: Type.Union([Type.Literal('history'), Type.Literal('reported'), Type.Literal('none')]),
  coverDays: Nullable(Type.Number({ description: 'days the stock lasts at the daily use; null without use' })),
  leadTimeDays: Type.Integer({ description: 'days from the report to the earliest delivery' }),
};

export const CustomerStockSchema = Type.Object({
  customerId: Type.Integer(),
  settings: VmiSettingsSchema,
  items: Type.Array(
    Type.Object({
      ...Figures,
      deliveryPointId: Type.Integer(),
      deliveryPointCode: Type.String(),
      deliveryPointName: Type.String(),
      source: Type.String(),
      averageDailySales: Nullable(Type.Number()),
      promoUpliftBp: Nullable(Type.Integer()),
      belowLeadTimeCover: Type.Boolean(),
    }),
  ),
});
export type CustomerStock = Static<typeof CustomerStockSchema>;

/** GET /api/customers/{id}/stock for her buyer: the stock levels she declared, never our reading of them. */
export const PortalCustomerStockSchema = Type.Object({
  customerId: Type.Integer(),
  items: Type.Array(
    Type.Pick(CustomerStockSchema.properties.items.items, [
      'deliveryPointId',
      'deliveryPointName',
      'productId',
      'productCode',
      'productName',
      'saleUnit',
      'reportDate',
      'onHand',
    ]),
  ),
});
export type PortalCustomerStock = Static<typeof PortalCustomerStockSchema>;

export const ProposalSchema = Type.Object({
  customerId: Type.Integer(),
  deliveryPointId: Nullable(Type.Integer()),
  deliveryPointCode: Nullable(Type.String()),
  deliveryPointName: Nullable(Type.String()),
  deliveryDate: Nullable(IsoDateString),
  targetCoverDays: Type.Integer(),
  enabled: Type.Boolean(),
  lines: Type.Array(
    Type.Object({
      ...Figures,
      onOrder: Type.Integer({ description: 'delivered since the report, or confirmed for delivery by the delivery date' }),
      promoUpliftBp: Nullable(Type.Integer()),
      coverAtDelivery: Nullable(Type.Number()),
      coverAfterDelivery: Nullable(Type.Number()),
      quantity: Type.Integer({ description: 'proposed, in sale units: a whole number of the multiple' }),
      multiple: Type.String({ description: 'unit, carton, layer or pallet, as the terms require' }),
      multipleSize: Type.Integer(),
      packaging: Type.Object({ cartons: Type.Number(), layers: Nullable(Type.Number()), pallets: Nullable(Type.Number()) }),
      skipped: Nullable(Type.Union([Type.Literal('above-target'), Type.Literal('no-use')])),
    }),
  ),
});
export type OrderProposal = Static<typeof ProposalSchema>;

export const StockReportImportSchema = Type.Object({
  kind: Type.Literal('customer-stock'),
  mode: Type.String(),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  written: Type.Integer(),
  errors: Type.Array(ImportIssueSchema),
  reportIds: Type.Array(Type.Integer()),
  documentId: Nullable(DocumentIdSchema),
});
export const StockReportProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  errors: Type.Array(ImportIssueSchema),
  report: StockReportImportSchema,
});
