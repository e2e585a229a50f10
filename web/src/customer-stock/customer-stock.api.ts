import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { ImportMode, ImportIssue } from '../api/types.ts';

export type VmiSettings = { customerId: number; enabled: boolean; targetCoverDays: number; updatedAt: string | null };

type Figures = {
  productId: number;
  productCode: string;
  productName: string;
  saleUnit: string;
  reportDate: string;
  onHand: number;
  dailyUse: number;
  baseDailyUse: number;
  dailyUseMethod: 'history' | 'reported' | 'none';
  coverDays: number | null;
  leadTimeDays: number;
  promoUpliftBp: number | null;
};

export type CustomerStockItem = Figures & {
  deliveryPointId: number;
  deliveryPointCode: string;
  deliveryPointName: string;
  source: string;
  averageDailySales: number | null;
  belowLeadTimeCover: boolean;
};

export type CustomerStock = { customerId: number; settings: VmiSettings; items: CustomerStockItem[] };

export type ProposalLine = Figures & {
  onOrder: number;
  coverAtDelivery: number | null;
  coverAfterDelivery: number | null;
  quantity: number;
  multiple: 'unit' | 'carton' | 'layer' | 'pallet';
  multipleSize: number;
  packaging: { cartons: number; layers: number | null; pallets: number | null };
  skipped: 'above-target' | 'no-use' | null;
};

export type OrderProposal = {
  customerId: number;
  deliveryPointId: number | null;
  deliveryPointCode: string | null;
  deliveryPointName: string | null;
  deliveryDate: string | null;
  targetCoverDays: number;
  enabled: boolean;
  lines: ProposalLine[];
};

export type StockReportResult = { kind: 'customer-stock'; mode: ImportMode; totalRows: number; validRows: number; written: number; errors: ImportIssue[]; reportIds: number[] };

export const customerStockKey = (customerId: number) => ['customer-stock', customerId] as const;

export function useCustomerStock(customerId: number) {
  return useQuery({ queryKey: [...customerStockKey(customerId), 'stock'], queryFn: () => api.get<CustomerStock>(`/api/customers/${customerId}/stock`) });
}

export function useOrderProposal(customerId: number, deliveryPointId: number | null, enabled: boolean) {
  return useQuery({
    queryKey: [...customerStockKey(customerId), 'proposal', deliveryPointId],
    queryFn: () => api.get<OrderProposal>(`/api/customers/${customerId}/order-proposal${deliveryPointId ? `?deliveryPointId=${deliveryPointId}` : ''}`),
    enabled,
  });
}

/** The colour of a cover: red when it runs out before a delivery can arrive, orange under the target. */
export function coverColor(cover: number | null, leadTimeDays: number, targetCoverDays: number): string | undefined {
  if (cover === null) return undefined;
  if (cover < leadTimeDays) return 'red';
  return cover < targetCoverDays ? 'orange' : undefined;
}
