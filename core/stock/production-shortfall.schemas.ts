import { Type, type Static } from '@sinclair/typebox';
import { Id, Int32, IsoDateString, ListOf, literals, NonBlankText, Nullable } from '../shared/schemas.ts';

/** Where a shortfall stands on the desk's today: not begun, cutting output, or over (past its end, or ended). */
export const SHORTFALL_STATES = ['upcoming', 'ongoing', 'over'] as const;
export type ShortfallState = (typeof SHORTFALL_STATES)[number];

export const ProductionShortfallSchema = Type.Object({
  id: Type.Integer(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  warehouseId: Type.Integer(),
  warehouseCode: Type.String(),
  warehouseName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  reducedPct: Type.Integer({ description: 'share of the planned output lost, %' }),
  cause: Type.String(),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  endedOn: Nullable(Type.String({ description: 'the day output came back; null while the shortfall lasts' })),
  endedByName: Nullable(Type.String()),
  state: literals(SHORTFALL_STATES),
});
export type ProductionShortfallRecord = Static<typeof ProductionShortfallSchema>;
export const ProductionShortfallListSchema = ListOf(ProductionShortfallSchema);
export type ProductionShortfallList = Static<typeof ProductionShortfallListSchema>;

export const ProductionShortfallInputSchema = Type.Object(
  {
    productId: Id,
    warehouseId: Id,
    from: IsoDateString,
    to: IsoDateString,
    reducedPct: Int32({ minimum: 1, maximum: 100, description: 'share of the planned output lost, 1 to 100 %' }),
    cause: NonBlankText(300),
  },
  { additionalProperties: false },
);
export type ProductionShortfallInput = Static<typeof ProductionShortfallInputSchema>;

/** After saving: the shortfall, and what the risk scan that followed finds for its product. */
export const ProductionShortfallAnswerSchema = Type.Object({
  shortfall: ProductionShortfallSchema,
  ordersAtRisk: Type.Integer({ description: 'confirmed or released orders of the product with an open production-shortfall risk' }),
});
export type ProductionShortfallAnswer = Static<typeof ProductionShortfallAnswerSchema>;
