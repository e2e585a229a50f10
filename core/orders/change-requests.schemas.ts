import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { literals, Nullable, PageOf, Paging } from '../shared/schemas.ts';
import { FindingSchema } from './findings.schemas.ts';
import { OrderChangeSchema } from './orders.schemas.ts';

const Closed = { additionalProperties: false } as const;

export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

const Before = <T extends TSchema>(t: T) => Type.Object({ before: t, after: t });

/** What a change asked would do to the order, as the queue and the order page show it: lines before and after, header fields that move. */
export const ChangeSummarySchema = Type.Object({
  lines: Type.Array(
    Type.Object({
      lineId: Nullable(Type.Integer({ description: 'the stored line; null for a line the change adds' })),
      lineNo: Nullable(Type.Integer()),
      productId: Type.Integer(),
      productCode: Type.String(),
      productName: Type.String(),
      saleUnit: Type.String(),
      before: Nullable(Type.Integer({ description: 'null: an added line' })),
      after: Nullable(Type.Integer({ description: 'null: a removed line' })),
    }),
    { description: 'only the lines the change touches' },
  ),
  requestedDate: Type.Optional(Before(Nullable(Type.String()))),
  note: Type.Optional(Before(Nullable(Type.String()))),
  deliveryPoint: Type.Optional(Before(Nullable(Type.String({ description: 'the delivery point name' })))),
  netCents: Before(Nullable(Type.Integer())),
});
export type ChangeSummary = Static<typeof ChangeSummarySchema>;

/** A change to a confirmed or released order that waits for a manager, or what the manager answered. */
export const ChangeRequestSchema = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  orderNumber: Type.String(),
  orderStatus: Type.String(),
  customerId: Type.Integer(),
  customerName: Type.String(),
  status: literals(CHANGE_REQUEST_STATUSES),
  change: OrderChangeSchema,
  summary: ChangeSummarySchema,
  findings: Type.Array(FindingSchema, { description: 'the blocks and approvals the change brings, that a manager answers' }),
  requestedBy: Type.Integer(),
  requestedByName: Nullable(Type.String()),
  requestedAt: Type.String(),
  decidedBy: Nullable(Type.Integer()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  reason: Nullable(Type.String({ description: "the manager's reason, approving or refusing" })),
});
export type ChangeRequest = Static<typeof ChangeRequestSchema>;

export const ChangeRequestListSchema = PageOf(ChangeRequestSchema);
export type ChangeRequestList = Static<typeof ChangeRequestListSchema>;

export const ChangeRequestQuerySchema = Type.Object({ status: Type.Optional(literals(CHANGE_REQUEST_STATUSES)), ...Paging }, Closed);
