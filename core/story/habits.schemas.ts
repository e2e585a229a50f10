import { Type, type Static } from '@sinclair/typebox';
import { SALE_UNITS } from '../catalog/product-enums.ts';
import { CHANNELS } from '../customers/customer-enums.ts';
import { WeekdaySchema } from '../customers/customers.schemas.ts';
import { Bp, IsoDateString, literals, Nullable } from '../shared/schemas.ts';

/** The customer's habits (core/story/habits.ts), with the names of his usual products. */
export const CustomerHabitsSchema = Type.Object({
  from: IsoDateString,
  to: IsoDateString,
  orders: Type.Integer({ description: 'orders placed in the window (neither drafts nor cancelled)' }),
  usualProducts: Type.Array(
    Type.Object({
      productId: Type.Integer(),
      code: Type.String(),
      name: Type.String(),
      saleUnit: literals(SALE_UNITS),
      orders: Type.Integer(),
      shareBp: Bp,
      medianQuantity: Type.Integer({ description: 'per order that held it, in the sale unit' }),
      rhythmDays: Nullable(Type.Integer({ description: 'median days between two orders of it; null: one day only' })),
    }),
  ),
  weekdays: Type.Array(WeekdaySchema, { description: 'the days he orders on' }),
  averageNetCents: Nullable(Type.Integer({ description: 'mean net total, rounded half away from zero to the cent' })),
  channels: Type.Array(Type.Object({ channel: literals(CHANNELS), orders: Type.Integer() })),
  lastOrder: Nullable(Type.Object({ id: Type.Integer(), number: Type.String(), date: IsoDateString })),
});
export type CustomerHabits = Static<typeof CustomerHabitsSchema>;
