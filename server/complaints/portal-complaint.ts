import {
  PortalComplaintListSchema,
  PortalComplaintSchema,
  type ComplaintDetail,
  type ComplaintList,
  type PortalComplaint,
  type PortalComplaintList,
} from '../../core/complaints/complaints.schemas.ts';

const FIELDS = Object.keys(PortalComplaintSchema.properties) as (keyof PortalComplaint)[];
const LINE_FIELDS = Object.keys(PortalComplaintSchema.properties.lines.items.properties) as (keyof PortalComplaint['lines'][number])[];
const LIST_FIELDS = Object.keys(
  PortalComplaintListSchema.properties.items.items.properties,
) as (keyof PortalComplaintList['items'][number])[];

const pick = <T extends object, K extends keyof T>(from: T, keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, from[k]])) as Pick<T, K>;

/** The route's buyerView: a whitelist, so that a field the desk adds later stays the desk's until said otherwise. */
export const complaintForBuyer = (payload: unknown): PortalComplaint => {
  const detail = payload as ComplaintDetail;
  return {
    ...pick(detail as unknown as PortalComplaint, FIELDS),
    lines: detail.lines.map((line) => pick(line, LINE_FIELDS)),
  };
};

/** The list's buyerView: each complaint by the same whitelist. */
export const complaintsForBuyer = (payload: unknown): PortalComplaintList => ({
  items: (payload as ComplaintList).items.map((c) => pick(c as unknown as PortalComplaintList['items'][number], LIST_FIELDS)),
});
