import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file never imports application code.
//
// A GLN names one party. EDI finds the buyer (NAD+BY) by the customers' GLNs, the ship-to (NAD+DP) by its
// customer's delivery points' GLNs and the partner (UNB sender) by the EDI partners' GLNs: a second customer
// holding a partner's GLN took every one of that partner's orders. From here the database holds each GLN once:
//
// - `gln_holders` lists every GLN of a customer account or of a delivery point, its primary key the GLN, kept by
//   triggers on both tables (so no write, by the API, an import, a seed or by hand, can skip it). One holder per
//   GLN, across both tables: a delivery point never shares a GLN with another point or any account, its own
//   customer's included (in the trade the head office's GLN and a store's differ, and the demo data has none
//   shared; a single-site customer carries its GLN on the account or on the point, not on both).
// - An EDI partner's GLN (its UNB sender) may be held only by that partner's own customer (its account, as in the
//   demo, or one of its points): triggers on both sides refuse the write that would make a GLN name two customers.
//
// Existing duplicates cannot be refused, so they are settled here, each GLN kept by one holder: the EDI partner's
// customer when a partner sends as that GLN (its account first, then its lowest-numbered point), otherwise the
// account before a delivery point, then the lowest id. The others lose the GLN (set to null), each with an audit
// event `clear_duplicate_gln` on its customer or delivery point naming the GLN and who keeps it, so the desk sees
// what changed and can give the right GLN back.

type Holder = { kind: 'customer' | 'delivery_point'; id: number; customerId: number; gln: string };

function keeperOf(holders: Holder[], partnerCustomerId: number | null): Holder | null {
  const eligible = partnerCustomerId === null ? holders : holders.filter((h) => h.customerId === partnerCustomerId);
  const ranked = [...eligible].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'customer' ? -1 : 1));
  return ranked[0] ?? null;
}

async function settleDuplicates(db: Kysely<any>): Promise<void> {
  // One-word aliases: the application's connection renames snake_case columns in results.
  const holders: Holder[] = [
    ...(await db.selectFrom('customers').select(['id', 'gln']).where('gln', 'is not', null).orderBy('id').execute()).map((r) => ({
      kind: 'customer' as const,
      id: r.id,
      customerId: r.id,
      gln: r.gln,
    })),
    ...(
      await db
        .selectFrom('delivery_points')
        .select(['id', 'customer_id as owner', 'gln'])
        .where('gln', 'is not', null)
        .orderBy('id')
        .execute()
    ).map((r) => ({ kind: 'delivery_point' as const, id: r.id, customerId: r.owner, gln: r.gln })),
  ];
  const partners = new Map<string, number>(
    (await db.selectFrom('edi_partners').select(['gln', 'customer_id as owner']).execute()).map((p) => [p.gln, p.owner]),
  );
  const byGln = new Map<string, Holder[]>();
  for (const h of holders) byGln.set(h.gln, [...(byGln.get(h.gln) ?? []), h]);
  // eslint-disable-next-line no-restricted-syntax -- a migration runs once, at the time it runs
  const at = new Date().toISOString();
  for (const [gln, all] of byGln) {
    const partnerCustomerId = partners.get(gln) ?? null;
    if (all.length === 1 && (partnerCustomerId === null || all[0].customerId === partnerCustomerId)) continue;
    const keeper = keeperOf(all, partnerCustomerId);
    for (const h of all) {
      if (h === keeper) continue;
      await db
        .updateTable(h.kind === 'customer' ? 'customers' : 'delivery_points')
        .set({ gln: null })
        .where('id', '=', h.id)
        .execute();
      const kept = keeper
        ? `${keeper.kind === 'customer' ? 'customer' : 'delivery point'} ${keeper.id}`
        : `EDI partner of customer ${partnerCustomerId}`;
      await db
        .insertInto('audit_events')
        .values({
          entity_type: h.kind,
          entity_id: h.id,
          order_id: null,
          action: 'clear_duplicate_gln',
          user_id: null,
          at,
          before_json: JSON.stringify({ gln }),
          after_json: JSON.stringify({ gln: null }),
          note: `GLN ${gln} is held once from now on; ${kept} keeps it.`,
        })
        .execute();
    }
  }
}

const SQLITE_TRIGGERS = [
  // Customer accounts.
  `create trigger customers_gln_insert after insert on customers when new.gln is not null begin
     insert into gln_holders (gln, customer_id, delivery_point_id) values (new.gln, new.id, null); end`,
  `create trigger customers_gln_update after update of gln on customers when old.gln is not new.gln begin
     delete from gln_holders where old.gln is not null and gln = old.gln and delivery_point_id is null and customer_id = old.id;
     insert into gln_holders (gln, customer_id, delivery_point_id) select new.gln, new.id, null where new.gln is not null; end`,
  `create trigger customers_gln_delete after delete on customers when old.gln is not null begin
     delete from gln_holders where gln = old.gln and delivery_point_id is null and customer_id = old.id; end`,
  // Delivery points (a point moved to another customer takes its GLN along, and is checked again).
  `create trigger delivery_points_gln_insert after insert on delivery_points when new.gln is not null begin
     insert into gln_holders (gln, customer_id, delivery_point_id) values (new.gln, new.customer_id, new.id); end`,
  `create trigger delivery_points_gln_update after update of gln, customer_id on delivery_points
     when old.gln is not new.gln or old.customer_id is not new.customer_id begin
     delete from gln_holders where old.gln is not null and gln = old.gln and delivery_point_id = old.id;
     insert into gln_holders (gln, customer_id, delivery_point_id) select new.gln, new.customer_id, new.id where new.gln is not null; end`,
  `create trigger delivery_points_gln_delete after delete on delivery_points when old.gln is not null begin
     delete from gln_holders where gln = old.gln and delivery_point_id = old.id; end`,
  // A partner's GLN belongs to the partner's customer, from both sides.
  `create trigger gln_holders_partner before insert on gln_holders
     when exists (select 1 from edi_partners where gln = new.gln and customer_id <> new.customer_id) begin
     select raise(abort, 'GLN_HELD: the GLN is an EDI partner''s of another customer'); end`,
  `create trigger edi_partners_gln_insert before insert on edi_partners
     when exists (select 1 from gln_holders where gln = new.gln and customer_id <> new.customer_id) begin
     select raise(abort, 'GLN_HELD: the GLN is held by another customer'); end`,
  `create trigger edi_partners_gln_update before update of gln, customer_id on edi_partners
     when exists (select 1 from gln_holders where gln = new.gln and customer_id <> new.customer_id) begin
     select raise(abort, 'GLN_HELD: the GLN is held by another customer'); end`,
];

// PostgreSQL: the same rules as functions. Each write first takes a transaction lock on its GLN, so two concurrent
// transactions writing the same GLN (say a partner and another customer's account) are checked one after the other.
const PG_STATEMENTS = [
  `create function gln_holders_sync() returns trigger language plpgsql as $$
   declare
     old_gln text; new_gln text; old_point integer; new_point integer; old_customer integer; new_customer integer;
   begin
     if tg_table_name = 'customers' then
       if tg_op <> 'INSERT' then old_gln := old.gln; old_point := null; old_customer := old.id; end if;
       if tg_op <> 'DELETE' then new_gln := new.gln; new_point := null; new_customer := new.id; end if;
     else
       if tg_op <> 'INSERT' then old_gln := old.gln; old_point := old.id; old_customer := old.customer_id; end if;
       if tg_op <> 'DELETE' then new_gln := new.gln; new_point := new.id; new_customer := new.customer_id; end if;
     end if;
     if tg_op = 'UPDATE' and old_gln is not distinct from new_gln and old_customer = new_customer then return null; end if;
     if old_gln is not null then
       delete from gln_holders where gln = old_gln and delivery_point_id is not distinct from old_point and customer_id = old_customer;
     end if;
     if new_gln is not null then
       perform pg_advisory_xact_lock(hashtext('gln:' || new_gln));
       if exists (select 1 from edi_partners where gln = new_gln and customer_id <> new_customer) then
         raise exception 'GLN_HELD: the GLN % is an EDI partner''s of another customer', new_gln using errcode = 'unique_violation';
       end if;
       insert into gln_holders (gln, customer_id, delivery_point_id) values (new_gln, new_customer, new_point);
     end if;
     return null;
   end $$`,
  `create trigger customers_gln after insert or update of gln or delete on customers for each row execute function gln_holders_sync()`,
  `create trigger delivery_points_gln after insert or update of gln, customer_id or delete on delivery_points for each row execute function gln_holders_sync()`,
  `create function edi_partners_gln_check() returns trigger language plpgsql as $$
   begin
     perform pg_advisory_xact_lock(hashtext('gln:' || new.gln));
     if exists (select 1 from gln_holders where gln = new.gln and customer_id <> new.customer_id) then
       raise exception 'GLN_HELD: the GLN % is held by another customer', new.gln using errcode = 'unique_violation';
     end if;
     return new;
   end $$`,
  `create trigger edi_partners_gln before insert or update of gln, customer_id on edi_partners for each row execute function edi_partners_gln_check()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await settleDuplicates(db);
  await db.schema
    .createTable('gln_holders')
    .addColumn('gln', 'text', (c) => c.primaryKey())
    // The customer the GLN belongs to: the account itself, or the customer of the delivery point.
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    // Null: the account's own GLN.
    .addColumn('delivery_point_id', 'integer')
    .execute();
  await sql`insert into gln_holders (gln, customer_id, delivery_point_id) select gln, id, null from customers where gln is not null`.execute(
    db,
  );
  await sql`insert into gln_holders (gln, customer_id, delivery_point_id) select gln, customer_id, id from delivery_points where gln is not null`.execute(
    db,
  );
  for (const statement of pg ? PG_STATEMENTS : SQLITE_TRIGGERS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    for (const [trigger, table] of [
      ['customers_gln', 'customers'],
      ['delivery_points_gln', 'delivery_points'],
      ['edi_partners_gln', 'edi_partners'],
    ]) {
      await sql.raw(`drop trigger ${trigger} on ${table}`).execute(db);
    }
    await sql.raw('drop function gln_holders_sync()').execute(db);
    await sql.raw('drop function edi_partners_gln_check()').execute(db);
  } else {
    for (const trigger of [
      'customers_gln_insert',
      'customers_gln_update',
      'customers_gln_delete',
      'delivery_points_gln_insert',
      'delivery_points_gln_update',
      'delivery_points_gln_delete',
      'gln_holders_partner',
      'edi_partners_gln_insert',
      'edi_partners_gln_update',
    ]) {
      await sql.raw(`drop trigger ${trigger}`).execute(db);
    }
  }
  await db.schema.dropTable('gln_holders').execute();
}
