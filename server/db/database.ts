import type { ControlDecisionsTable } from '../controls/controls.table.ts';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventsTable } from '../audit/audit.table.ts';
import type {
  AccountLinksTable,
  LoginAttemptsTable,
  LoginDevicesTable,
  RateLimitHitsTable,
  SessionsTable,
  UserDeliveryPointsTable,
  UsersTable,
} from '../auth/auth.table.ts';
import type {
  CustomerProductCodesTable,
  PriceListItemsTable,
  PriceListsTable,
  ProductsTable,
  ProductSubstitutesTable,
} from '../catalog/catalog.table.ts';
import type {
  ComplaintLinesTable,
  ComplaintPhotosTable,
  ComplaintsTable,
  CreditNotesTable,
  CustomerGesturesTable,
  ReturnPickupLinesTable,
  ReturnPickupsTable,
} from '../complaints/complaints.table.ts';
import type { SatisfactionGuidesTable, SatisfactionInterviewsTable } from '../satisfaction/satisfaction.table.ts';
import type { CallScriptsTable } from '../scripts/scripts.table.ts';
import type { IntakeCorrectionsTable, IntakeItemsTable } from '../intake/intake.table.ts';
import type { CompanyTable } from '../company/company.table.ts';
import type {
  ContactsTable,
  CustomerNotesTable,
  CustomersTable,
  DeliveryPointsTable,
  GlnHoldersTable,
} from '../customers/customers.table.ts';
import type {
  CustomerStockLinesTable,
  CustomerStockReportsTable,
  CustomerVmiSettingsTable,
} from '../customer-stock/customer-stock.table.ts';
import type { DeliveriesTable, DeliveryLineLotsTable, DeliveryLinesTable } from '../deliveries/deliveries.table.ts';
import type { DocumentJobsTable, DocumentsTable } from '../documents/documents.table.ts';
import type { EdiInterchangesTable, EdiMessagesTable, EdiOutboundTable, EdiPartnersTable } from '../edi/edi.table.ts';
import type { OutboxEmailsTable } from '../mail/mail.table.ts';
import type { CountersTable, OrderChangeRequestsTable, OrderFindingsTable, OrderLinesTable, OrdersTable } from '../orders/orders.table.ts';
import type { ForceMajeurePeriodsTable, PenaltyClausesTable, PenaltyNoticesTable } from '../penalties/penalties.table.ts';
import type { RisksTable } from '../risks/risks.table.ts';
import type { CustomerSupplySettingsTable, PlannedReceiptsTable, StockLotsTable } from '../stock/availability.table.ts';
import type { ProductionShortfallsTable } from '../stock/production-shortfalls.table.ts';
import type { StockLevelsTable, WarehousesTable } from '../stock/stock.table.ts';
import type {
  CustomerAssortmentProductsTable,
  CustomerAssortmentsTable,
  CustomerCreditTable,
  CustomerPricesTable,
  ClaimTermsTable,
  CustomerTermsTable,
  PriceListOrderTiersTable,
  PriceListOrderTierStepsTable,
  PromotionCustomersTable,
  PromotionProductsTable,
  PromotionsTable,
  TermsOfSaleTable,
  TermsOfSaleTypologiesTable,
} from '../terms/terms.table.ts';
import type { TasksTable } from '../tasks/tasks.table.ts';
import type { BackupRunsTable } from '../ops/ops.table.ts';
import type { CallRhythmsTable, CallsTable } from '../calls/calls.table.ts';
import type { ReportLinesTable, ReportOrdersTable, ReportWeekCustomersTable } from '../reports/reports.table.ts';
import type {
  AbsencesTable,
  DayAssignmentsTable,
  DayViewsTable,
  HandoverNotesTable,
  WorkSchedulesTable,
  WorkTimingsTable,
} from '../day/day.table.ts';

export type Database = {
  users: UsersTable;
  sessions: SessionsTable;
  loginAttempts: LoginAttemptsTable;
  loginDevices: LoginDevicesTable;
  accountLinks: AccountLinksTable;
  userDeliveryPoints: UserDeliveryPointsTable;
  rateLimitHits: RateLimitHitsTable;
  company: CompanyTable;
  customers: CustomersTable;
  deliveryPoints: DeliveryPointsTable;
  glnHolders: GlnHoldersTable;
  contacts: ContactsTable;
  customerNotes: CustomerNotesTable;
  products: ProductsTable;
  productSubstitutes: ProductSubstitutesTable;
  customerProductCodes: CustomerProductCodesTable;
  priceLists: PriceListsTable;
  priceListItems: PriceListItemsTable;
  warehouses: WarehousesTable;
  stockLevels: StockLevelsTable;
  counters: CountersTable;
  orders: OrdersTable;
  orderLines: OrderLinesTable;
  orderFindings: OrderFindingsTable;
  orderChangeRequests: OrderChangeRequestsTable;
  deliveries: DeliveriesTable;
  deliveryLines: DeliveryLinesTable;
  deliveryLineLots: DeliveryLineLotsTable;
  documents: DocumentsTable;
  documentJobs: DocumentJobsTable;
  auditEvents: AuditEventsTable;
  termsOfSale: TermsOfSaleTable;
  termsOfSaleTypologies: TermsOfSaleTypologiesTable;
  customerTerms: CustomerTermsTable;
  priceListOrderTiers: PriceListOrderTiersTable;
  priceListOrderTierSteps: PriceListOrderTierStepsTable;
  customerPrices: CustomerPricesTable;
  promotions: PromotionsTable;
  promotionProducts: PromotionProductsTable;
  promotionCustomers: PromotionCustomersTable;
  customerAssortments: CustomerAssortmentsTable;
  customerAssortmentProducts: CustomerAssortmentProductsTable;
  customerCredit: CustomerCreditTable;
  penaltyClauses: PenaltyClausesTable;
  forceMajeurePeriods: ForceMajeurePeriodsTable;
  penaltyNotices: PenaltyNoticesTable;
  outboxEmails: OutboxEmailsTable;
  ediPartners: EdiPartnersTable;
  ediInterchanges: EdiInterchangesTable;
  ediMessages: EdiMessagesTable;
  ediOutbound: EdiOutboundTable;
  stockLots: StockLotsTable;
  plannedReceipts: PlannedReceiptsTable;
  productionShortfalls: ProductionShortfallsTable;
  customerSupplySettings: CustomerSupplySettingsTable;
  risks: RisksTable;
  customerStockReports: CustomerStockReportsTable;
  customerStockLines: CustomerStockLinesTable;
  customerVmiSettings: CustomerVmiSettingsTable;
  tasks: TasksTable;
  claimTerms: ClaimTermsTable;
  complaints: ComplaintsTable;
  complaintLines: ComplaintLinesTable;
  creditNotes: CreditNotesTable;
  complaintPhotos: ComplaintPhotosTable;
  returnPickups: ReturnPickupsTable;
  returnPickupLines: ReturnPickupLinesTable;
  customerGestures: CustomerGesturesTable;
  satisfactionGuides: SatisfactionGuidesTable;
  satisfactionInterviews: SatisfactionInterviewsTable;
  callScripts: CallScriptsTable;
  backupRuns: BackupRunsTable;
  controlDecisions: ControlDecisionsTable;
  intakeItems: IntakeItemsTable;
  intakeCorrections: IntakeCorrectionsTable;
  callRhythms: CallRhythmsTable;
  calls: CallsTable;
  workTimings: WorkTimingsTable;
  workSchedules: WorkSchedulesTable;
  absences: AbsencesTable;
  dayAssignments: DayAssignmentsTable;
  handoverNotes: HandoverNotesTable;
  dayViews: DayViewsTable;
  reportOrders: ReportOrdersTable;
  reportLines: ReportLinesTable;
  reportWeekCustomers: ReportWeekCustomersTable;
};

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repository functions take either: the caller decides whether the work belongs to a transaction. */
export type DbOrTrx = Db | Trx;
