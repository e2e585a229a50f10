import type { Generated } from 'kysely';

export type WarehousesTable = {
  id: Generated<number>;
  code: string;
  name: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  gln: string | null;
};

export type StockLevelsTable = {
  warehouseId: number;
  productId: number;
  onHand: number;
  reserved: number;
  updatedAt: string;
};
