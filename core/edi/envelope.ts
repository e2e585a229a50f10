import type { Separators } from './separators.ts';
import type { Segment } from './segment.ts';

/** Sender or recipient of an interchange (UNB S002/S003): with qualifier 14 the id is a GLN. */
export type InterchangeParty = { id: string; qualifier: string | null; routing: string | null };

export type InterchangeHeader = {
  syntaxIdentifier: string;
  syntaxVersion: number;
  sender: InterchangeParty;
  recipient: InterchangeParty;
  /** ISO date of preparation (UNB e4.1, YYMMDD or CCYYMMDD), null when absent or not a date. */
  preparedDate: string | null;
  /** HH:MM (UNB e4.2). */
  preparedTime: string | null;
  reference: string;
  applicationReference: string | null;
  ackRequested: boolean;
  agreementId: string | null;
  test: boolean;
  separators: Separators;
  segmentIndex: number;
  byteOffset: number;
};

export type MessageHeader = {
  reference: string;
  /** ORDERS, ORDRSP, DESADV, INVOIC, INVRPT, SLSRPT… */
  type: string;
  version: string | null;
  release: string | null;
  agency: string | null;
  /** The EANCOM subset, e.g. EAN008. */
  associationCode: string | null;
  /** UNG reference when the message sits in a functional group. */
  groupReference: string | null;
  segmentIndex: number;
  byteOffset: number;
};

/** One message, UNH to UNT inclusive: readers map its segments by tag and qualifier. */
export type EdiMessage = { header: MessageHeader; segments: Segment[] };

export type InterchangeTrailer = { count: number; reference: string | null; segmentIndex: number };
