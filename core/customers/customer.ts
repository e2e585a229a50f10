import type { Static } from '@sinclair/typebox';
import type { ContactSchema, CustomerDetailSchema, CustomerSchema, DeliveryPointSchema } from './customers.schemas.ts';

export { TYPOLOGIES, CHANNELS, type Typology, type Channel } from './customer-enums.ts';

// The shapes are the API's schemas (customers.schemas.ts), imported as types only: the web bundle stays TypeBox-free.
export type DeliveryPoint = Static<typeof DeliveryPointSchema>;
export type Contact = Static<typeof ContactSchema>;
export type Customer = Static<typeof CustomerSchema>;
export type CustomerDetail = Static<typeof CustomerDetailSchema>;
