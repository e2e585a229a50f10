import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage } from '../auth/LoginPage.tsx';
import { Layout } from './Layout.tsx';

// Each screen family is its own chunk: the first screen loads only what it shows.
const OrdersPage = lazy(() => import('../orders/OrdersPage.tsx'));
const OrderEntryRoute = lazy(() => import('../orders/entry/OrderEntryRoute.tsx'));
const OrderDetailPage = lazy(() => import('../orders/detail/OrderDetailPage.tsx'));
const CustomersPage = lazy(() => import('../customers/CustomersPage.tsx'));
const CustomerDetailPage = lazy(() => import('../customers/CustomerDetailPage.tsx'));
const CustomerFormPage = lazy(() => import('../customers/CustomerFormPage.tsx'));
const ProductsPage = lazy(() => import('../catalog/ProductsPage.tsx'));
const ProductDetailPage = lazy(() => import('../catalog/ProductDetailPage.tsx'));
const ProductFormPage = lazy(() => import('../catalog/ProductFormPage.tsx'));
const StockPage = lazy(() => import('../stock/StockPage.tsx'));
const ImportsPage = lazy(() => import('../imports/ImportsPage.tsx'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/orders" replace /> },
      { path: 'orders', element: <OrdersPage /> },
      { path: 'orders/new', element: <OrderEntryRoute /> },
      { path: 'orders/:id', element: <OrderDetailPage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/new', element: <CustomerFormPage /> },
      { path: 'customers/:id', element: <CustomerDetailPage /> },
      { path: 'customers/:id/edit', element: <CustomerFormPage /> },
      { path: 'products', element: <ProductsPage /> },
      { path: 'products/new', element: <ProductFormPage /> },
      { path: 'products/:id', element: <ProductDetailPage /> },
      { path: 'products/:id/edit', element: <ProductFormPage /> },
      { path: 'stock', element: <StockPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: '*', element: <Navigate to="/orders" replace /> },
    ],
  },
]);
