import type { Static } from '@sinclair/typebox';
import type { AgreementSchema } from './terms.schemas.ts';

/** The customer's own commercial situation: what it may order, how much credit it has, its own prices. */
export type CustomerAgreement = Static<typeof AgreementSchema>;
