import { Type, type Static } from '@sinclair/typebox';
import { WEEKDAYS } from '../calendar/dates.ts';
import { CHANNELS, TYPOLOGIES } from './customer-enums.ts';
import { CodeString, Gs1Code, NameString } from '../catalog/catalog.schemas.ts';
import { BigCents, Id, Int32, literals, Nullable, PageOf, Paging, Text } from '../shared/schemas.ts';

const OptionalNullable = <T extends Parameters<typeof Nullable>[0]>(schema: T) => Type.Optional(Nullable(schema));

// Patterns rather than Ajv formats: the same schema checks import rows (TypeBox) and requests (Ajv) alike.
export const EmailString = Type.String({
  maxLength: 254,
  pattern: '^[^\\s@\\u0000]+@[^\\s@\\u0000]+\\.[^\\s@\\u0000]+$',
  description: 'an email address',
});
export const PhoneString = Type.String({
  maxLength: 30,
  pattern: '^\\+?[0-9][0-9 .()-]{5,}$',
  description: 'digits, spaces, dots, dashes; + for international',
});
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Europe/Paris' });
const Street = Text(200, { minLength: 1 });
const Postcode = Text(10, { minLength: 1 });
const City = Text(100, { minLength: 1 });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2' });
export const WeekdaySchema = literals(WEEKDAYS);

export const DeliveryPointInputSchema = Type.Object(
  {
    code: CodeString,
    name: NameString,
    gln: OptionalNullable(Gs1Code(13)),
    street: Street,
    postcode: Postcode,
    city: City,
    country: Type.Optional(Country),
    deliveryWeekdays: Type.Array(WeekdaySchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
    leadTimeDays: Int32({ minimum: 0, maximum: 60 }),
    cutoffTime: Time,
    windowFrom: OptionalNullable(Time),
    windowTo: OptionalNullable(Time),
    appointmentRequired: Type.Optional(Type.Boolean()),
    unloadingNotes: OptionalNullable(Text(1000)),
    isDefault: Type.Optional(Type.Boolean({ description: 'the ship-to proposed first; setting it clears the others' })),
  },
  { additionalProperties: false },
);
export type DeliveryPointInput = Static<typeof DeliveryPointInputSchema>;

export const ContactInputSchema = Type.Object(
  {
    name: NameString,
    role: OptionalNullable(Text(100)),
    phone: OptionalNullable(PhoneString),
    email: OptionalNullable(EmailString),
    preferredHours: OptionalNullable(Text(100)),
  },
  { additionalProperties: false },
);
export type ContactInput = Static<typeof ContactInputSchema>;

const customerFields = {
  code: CodeString,
  name: NameString,
  typology: literals(TYPOLOGIES),
  siret: OptionalNullable(Type.String({ pattern: '^\\d{14}$', description: '14 digits' })),
  vatNumber: OptionalNullable(Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{2,13}$', description: 'intra-EU VAT number, e.g. FR12345678901' })),
  gln: OptionalNullable(Gs1Code(13)),
  street: Street,
  postcode: Postcode,
  city: City,
  country: Type.Optional(Country),
  phone: OptionalNullable(PhoneString),
  email: OptionalNullable(EmailString),
  preferredChannel: literals(CHANNELS),
  paymentTerms: Text(50, { minLength: 1 }),
  creditLimitCents: BigCents,
  priceListId: OptionalNullable(Id),
  assistantUserId: OptionalNullable(Id),
};

/** An edit replaces the account's own fields; delivery points and contacts have their own routes. */
export const CustomerInputSchema = Type.Object(customerFields, { additionalProperties: false });
export type CustomerInput = Static<typeof CustomerInputSchema>;

/** A new account may arrive with its ship-tos and people in one go. */
export const CustomerCreateSchema = Type.Object(
  {
    ...customerFields,
    deliveryPoints: Type.Optional(Type.Array(DeliveryPointInputSchema, { maxItems: 100 })),
    contacts: Type.Optional(Type.Array(ContactInputSchema, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type CustomerCreate = Static<typeof CustomerCreateSchema>;

export const DeliveryPointSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  gln: Nullable(Type.String()),
  street: Type.String(),
  postcode: Type.String(),
  city: Type.String(),
  country: Type.String(),
  deliveryWeekdays: Type.Array(WeekdaySchema),
  leadTimeDays: Type.Integer(),
  cutoffTime: Type.String(),
  windowFrom: Nullable(Type.String()),
  windowTo: Nullable(Type.String()),
  appointmentRequired: Type.Boolean(),
  unloadingNotes: Nullable(Type.String()),
  isDefault: Type.Boolean(),
});

export const ContactSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  name: Type.String(),
  role: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  preferredHours: Nullable(Type.String()),
});

export const CustomerSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  typology: literals(TYPOLOGIES),
  siret: Nullable(Type.String()),
  vatNumber: Nullable(Type.String()),
  gln: Nullable(Type.String()),
  street: Type.String(),
  postcode: Type.String(),
  city: Type.String(),
  country: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  preferredChannel: literals(CHANNELS),
  paymentTerms: Type.String(),
  creditLimitCents: Type.Integer(),
  priceListId: Nullable(Type.Integer()),
  assistantUserId: Nullable(Type.Integer()),
});

export const CustomerDetailSchema = Type.Composite([
  CustomerSchema,
  Type.Object({ deliveryPoints: Type.Array(DeliveryPointSchema), contacts: Type.Array(ContactSchema) }),
]);

export const ProductCodeInputSchema = Type.Object(
  {
    code: Text(40, { minLength: 1, description: "the customer's own code for our product" }),
    productId: Id,
    unitFactor: Type.Optional(Int32({ minimum: 1, maximum: 100_000, description: 'our sale units in one of the customer’s units' })),
  },
  { additionalProperties: false },
);
export type ProductCodeInput = Static<typeof ProductCodeInputSchema>;

export const CustomerProductCodeSchema = Type.Object({
  id: Type.Integer(),
  customerId: Type.Integer(),
  code: Type.String(),
  productId: Type.Integer(),
  productCode: Type.String(),
  productName: Type.String(),
  unitFactor: Type.Integer(),
});
export type CustomerProductCode = Static<typeof CustomerProductCodeSchema>;

/** GET /api/customers. */
export const CustomerListQuerySchema = Type.Object(
  { q: Type.Optional(Text(100)), typology: Type.Optional(literals(TYPOLOGIES)), ...Paging },
  { additionalProperties: false },
);
export const CustomerListSchema = PageOf(CustomerSchema);
export type CustomerList = Static<typeof CustomerListSchema>;
