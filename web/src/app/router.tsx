import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { ProductDetailPage } from '../catalog/ProductDetailPage.tsx';
import { ProductFormPage } from '../catalog/ProductFormPage.tsx';
import { ProductsPage } from '../catalog/ProductsPage.tsx';
import { ComplaintDetailPage } from '../complaints/ComplaintDetailPage.tsx';
import { ComplaintFormPage } from '../complaints/ComplaintFormPage.tsx';
import { ComplaintsPage } from '../complaints/ComplaintsPage.tsx';
import { LotTracePage } from '../complaints/LotTracePage.tsx';
import { CustomerDetailPage } from '../customers/CustomerDetailPage.tsx';
import { CustomerFormPage } from '../customers/CustomerFormPage.tsx';
import { CustomersPage } from '../customers/CustomersPage.tsx';
import { OpsPage } from '../ops/OpsPage.tsx';
import { ImportsPage } from '../imports/ImportsPage.tsx';
import { OrdersPage } from '../orders/OrdersPage.tsx';
import { OrderDetailPage } from '../orders/detail/OrderDetailPage.tsx';
import { OrderEntryRoute } from '../orders/entry/OrderEntryRoute.tsx';
import { IntakeItemPage } from '../intake/IntakeItemPage.tsx';
import { IntakeQueuePage } from '../intake/IntakeQueuePage.tsx';
import { ApprovalsPage } from '../orders/rules/ApprovalsPage.tsx';
import { PenaltiesPage } from '../penalties/PenaltiesPage.tsx';
import { DrillPage } from '../reports/DrillPage.tsx';
import { ReportsPage } from '../reports/ReportsPage.tsx';
import { RiskDetailPage } from '../risks/RiskDetailPage.tsx';
import { RisksPage } from '../risks/RisksPage.tsx';
import { EdiPartnersPage } from '../edi/EdiPartnersPage.tsx';
import { EdiQueuePage } from '../edi/EdiQueuePage.tsx';
import { ProductionShortfallsPage } from '../stock/ProductionShortfallsPage.tsx';
import { StockPage } from '../stock/StockPage.tsx';
import { TasksPage } from '../tasks/TasksPage.tsx';
import { PromotionFormPage } from '../terms/PromotionFormPage.tsx';
import { PriceListsPage } from '../terms/PriceListsPage.tsx';
import { PromotionsPage } from '../terms/PromotionsPage.tsx';
import { ForceMajeurePage } from '../terms/ForceMajeurePage.tsx';
import { TermsPage } from '../terms/TermsPage.tsx';
import { CallScriptsPage } from '../scripts/CallScriptsPage.tsx';
import { SatisfactionDuePage } from '../satisfaction/SatisfactionDuePage.tsx';
import { SatisfactionPage } from '../satisfaction/SatisfactionPage.tsx';
import { DocumentsPage } from '../documents/DocumentsPage.tsx';
import { ControlsPage } from '../controls/ControlsPage.tsx';
import { CallLogPage } from '../calls/CallLogPage.tsx';
import { CallSeriesPage } from '../calls/CallSeriesPage.tsx';
import { DayPage } from '../day/DayPage.tsx';
import { TeamPage } from '../day/TeamPage.tsx';
import { UsersPage } from '../users/UsersPage.tsx';
import { HomeRoute } from './HomeRoute.tsx';
import { Layout } from './Layout.tsx';
import { PasswordPage } from '../portal/PasswordPage.tsx';
import { PortalComplaintDetailPage } from '../portal/PortalComplaintDetailPage.tsx';
import { PortalComplaintFormPage } from '../portal/PortalComplaintFormPage.tsx';
import { PortalComplaintsPage } from '../portal/PortalComplaintsPage.tsx';
import { PortalLayout } from '../portal/PortalLayout.tsx';
import { PortalOrderDetailPage } from '../portal/PortalOrderDetailPage.tsx';
import { PortalOrderPage } from '../portal/PortalOrderPage.tsx';
import { PortalOrdersPage } from '../portal/PortalOrdersPage.tsx';
import { PortalStockPage } from '../portal/PortalStockPage.tsx';
import { SetPasswordPage } from '../portal/SetPasswordPage.tsx';

// Every screen in the one bundle: it stays far under the 500 KB budget, and a navigation never waits for a
// chunk (a lazy route would keep the old screen up while the URL already says the new one).
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  {
    // The customer's portal: a buyer lands here and never sees the desk.
    path: '/portal',
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalOrderPage /> },
      { path: 'orders', element: <PortalOrdersPage /> },
      { path: 'orders/:id', element: <PortalOrderDetailPage /> },
      { path: 'orders/:id/complaint', element: <PortalComplaintFormPage /> },
      { path: 'complaints', element: <PortalComplaintsPage /> },
      { path: 'complaints/:id', element: <PortalComplaintDetailPage /> },
      { path: 'stock', element: <PortalStockPage /> },
      { path: 'password', element: <PasswordPage /> },
    ],
  },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'day', element: <DayPage /> },
      { path: 'team', element: <TeamPage /> },
      { path: 'calls', element: <CallLogPage /> },
      { path: 'calls/series', element: <CallSeriesPage /> },
      { path: 'orders', element: <OrdersPage /> },
      { path: 'orders/new', element: <OrderEntryRoute /> },
      { path: 'orders/:id', element: <OrderDetailPage /> },
      { path: 'approvals', element: <ApprovalsPage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/new', element: <CustomerFormPage /> },
      { path: 'customers/:id', element: <CustomerDetailPage /> },
      { path: 'customers/:id/edit', element: <CustomerFormPage /> },
      { path: 'customers/:id/satisfaction', element: <SatisfactionPage /> },
      { path: 'satisfaction', element: <SatisfactionDuePage /> },
      { path: 'products', element: <ProductsPage /> },
      { path: 'products/new', element: <ProductFormPage /> },
      { path: 'products/:id', element: <ProductDetailPage /> },
      { path: 'products/:id/edit', element: <ProductFormPage /> },
      { path: 'stock', element: <StockPage /> },
      { path: 'stock/shortfalls', element: <ProductionShortfallsPage /> },
      { path: 'risks', element: <RisksPage /> },
      { path: 'intake', element: <IntakeQueuePage /> },
      { path: 'intake/:id', element: <IntakeItemPage /> },
      { path: 'edi', element: <EdiQueuePage /> },
      { path: 'edi-partners', element: <EdiPartnersPage /> },
      { path: 'risks/:id', element: <RiskDetailPage /> },
      { path: 'tasks', element: <TasksPage /> },
      { path: 'complaints', element: <ComplaintsPage /> },
      { path: 'complaints/new', element: <ComplaintFormPage /> },
      { path: 'complaints/:id', element: <ComplaintDetailPage /> },
      { path: 'lots/:lot', element: <LotTracePage /> },
      { path: 'penalties/:id?', element: <PenaltiesPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'reports/drill', element: <DrillPage /> },
      { path: 'terms', element: <TermsPage /> },
      { path: 'terms/promotions', element: <PromotionsPage /> },
      { path: 'terms/force-majeure', element: <ForceMajeurePage /> },
      { path: 'terms/promotions/new', element: <PromotionFormPage /> },
      { path: 'terms/promotions/:id', element: <PromotionFormPage /> },
      { path: 'terms/price-lists', element: <PriceListsPage /> },
      { path: 'terms/scripts', element: <CallScriptsPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'controls', element: <ControlsPage /> },
      { path: 'ops', element: <OpsPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: '*', element: <Navigate to="/orders" replace /> },
    ],
  },
]);
