import type { Migration } from 'kysely';
import * as spine from './2026_11_27_0001_spine.ts';
import * as searchText from './2026_11_27_0002_search_text.ts';
import * as orderIndexes from './2026_11_27_0003_order_indexes.ts';
import * as penalties from './2026_11_27_0010_penalties.ts';
import * as commercialTerms from './2026_11_27_0020_commercial_terms.ts';
import * as findings from './2026_11_27_0040_findings.ts';
import * as availability from './2026_11_27_0030_availability.ts';
import * as outbox from './2026_11_27_0050_outbox.ts';
import * as customerStocks from './2026_11_27_0060_customer_stocks.ts';
import * as edi from './2026_11_27_0070_edi.ts';
import * as deliveryPlan from './2026_11_28_0080_delivery_plan.ts';
import * as ediOrderLines from './2026_11_28_0090_edi_order_lines.ts';
import * as deliveryLineLots from './2026_11_28_0091_delivery_line_lots.ts';
import * as ediClaims from './2026_11_28_0095_edi_claims.ts';
import * as ediUser from './2026_11_28_0096_edi_user.ts';
import * as loginDevices from './2026_11_29_0100_login_devices.ts';
import * as glnHolders from './2026_12_01_0100_gln_holders.ts';
import * as documentPublicIds from './2026_12_01_0110_document_public_ids.ts';
import * as reportFacts from './2026_12_08_0100_report_facts.ts';
import * as productionShortfalls from './2026_12_08_0200_production_shortfalls.ts';
import * as ediDocumentNumbers from './2026_12_08_0300_edi_document_numbers.ts';
import * as storyEdiIndex from './2026_12_08_0310_story_edi_index.ts';
import * as reportOrderTaking from './2026_12_08_0400_report_order_taking.ts';
import * as controlCorrections from './2026_12_08_0520_control_corrections.ts';
import * as reportWeekCustomers from './2026_12_09_0100_report_week_customers.ts';
import * as auditNoteCodes from './2026_12_06_0100_audit_note_codes.ts';
import * as complaints from './2026_12_06_0200_complaints.ts';
import * as backupRuns from './2026_12_06_0210_backup_runs.ts';
import * as ediReasonCodes from './2026_12_06_0220_edi_reason_codes.ts';
import * as customerStory from './2026_12_06_0300_customer_story.ts';
import * as documentJobs from './2026_12_07_0400_document_jobs.ts';
import * as orderChanges from './2026_12_07_0500_order_changes.ts';
import * as controlDecisions from './2026_12_07_0600_control_decisions.ts';
import * as orderChangeRequests from './2026_12_08_0516_order_change_requests.ts';
import * as complaintOutcomes from './2026_12_07_0700_complaint_outcomes.ts';
import * as priceConcessionApproval from './2026_12_07_0800_price_concession_approval.ts';
import * as portalAccounts from './2026_12_07_0200_portal_accounts.ts';
import * as intake from './2026_12_07_0300_intake.ts';
import * as dayAndCalls from './2026_12_07_0100_day_and_calls.ts';

/** Listed by hand, in order: a static list works the same under tsx, the CLI and the tests. */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_spine': spine,
  '2026_11_27_0002_search_text': searchText,
  '2026_11_27_0003_order_indexes': orderIndexes,
  '2026_11_27_0010_penalties': penalties,
  '2026_11_27_0020_commercial_terms': commercialTerms,
  '2026_11_27_0040_findings': findings,
  '2026_11_27_0030_availability': availability,
  '2026_11_27_0050_outbox': outbox,
  '2026_11_27_0060_customer_stocks': customerStocks,
  '2026_11_27_0070_edi': edi,
  '2026_11_28_0080_delivery_plan': deliveryPlan,
  '2026_11_28_0090_edi_order_lines': ediOrderLines,
  '2026_11_28_0091_delivery_line_lots': deliveryLineLots,
  '2026_11_28_0095_edi_claims': ediClaims,
  '2026_11_28_0096_edi_user': ediUser,
  '2026_11_29_0100_login_devices': loginDevices,
  '2026_12_01_0100_gln_holders': glnHolders,
  '2026_12_01_0110_document_public_ids': documentPublicIds,
  '2026_12_06_0100_audit_note_codes': auditNoteCodes,
  '2026_12_06_0200_complaints': complaints,
  '2026_12_06_0210_backup_runs': backupRuns,
  '2026_12_06_0220_edi_reason_codes': ediReasonCodes,
  '2026_12_06_0300_customer_story': customerStory,
  '2026_12_07_0400_document_jobs': documentJobs,
  '2026_12_07_0500_order_changes': orderChanges,
  '2026_12_07_0600_control_decisions': controlDecisions,
  '2026_12_07_0700_complaint_outcomes': complaintOutcomes,
  '2026_12_07_0800_price_concession_approval': priceConcessionApproval,
  '2026_12_07_0200_portal_accounts': portalAccounts,
  '2026_12_07_0300_intake': intake,
  '2026_12_07_0100_day_and_calls': dayAndCalls,
  '2026_12_08_0100_report_facts': reportFacts,
  '2026_12_08_0200_production_shortfalls': productionShortfalls,
  '2026_12_08_0300_edi_document_numbers': ediDocumentNumbers,
  '2026_12_08_0310_story_edi_index': storyEdiIndex,
  '2026_12_08_0400_report_order_taking': reportOrderTaking,
  '2026_12_08_0516_order_change_requests': orderChangeRequests,
  '2026_12_08_0520_control_corrections': controlCorrections,
  '2026_12_09_0100_report_week_customers': reportWeekCustomers,
};
