import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import * as repo from './price-lists.repository.ts';

export function listPriceLists(db: Db) {
  return repo.listPriceLists(db);
}

export async function getPriceList(db: Db, id: number) {
  const list = await repo.findPriceList(db, id);
  if (!list) throw notFound('Price list', id);
  return { ...list, items: await repo.listPriceListItems(db, id) };
}
