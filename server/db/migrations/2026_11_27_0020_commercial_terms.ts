import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.
// Commercial rules (issue 3): the terms of sale (CGV) by version and customer typology, each customer's own
// overrides, order-level tier discounts per price list, customer-specific net prices, promotions, the agreed
// assortment (référencement) and the customer's unpaid balance. Shapes follow core's Terms, TermsOverrides,
// OrderTierDiscount, CustomerPrice, Promotion and CustomerAgreement. JSON columns hold small structured values
// (order multiples by family, surcharges, article references) read whole by the rules.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';

  // One version of the CGV ("CGV 2026"); the one whose period holds the order date applies.
  await db.schema
    .createTable('terms_of_sale')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    // {minOrder?, franco?, orderMultiple?, leadTime?, truck?, price?, credit?}: quoted in the findings.
    .addColumn('articles_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The parameters of one version for one customer typology.
  await db.schema
    .createTable('terms_of_sale_typologies')
    .addColumn('terms_id', 'integer', (c) => c.notNull().references('terms_of_sale.id').onDelete('cascade'))
    .addColumn('typology', 'text', (c) => c.notNull())
    .addColumn('min_order_value_cents', 'integer')
    .addColumn('min_order_pallets', 'integer')
    .addColumn('min_order_severity', 'text', (c) => c.notNull())
    // Null measure: no franco (no shipping fee).
    .addColumn('franco_measure', 'text')
    .addColumn('franco_threshold', 'integer')
    .addColumn('franco_fee_below_cents', 'integer')
    // {default, byFamily?, byTemperature?}
    .addColumn('order_multiples_json', 'text', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer', (c) => c.notNull())
    .addColumn('cutoff_time', 'text', (c) => c.notNull())
    .addColumn('truck_max_pallets', 'integer', (c) => c.notNull())
    .addColumn('truck_max_weight_g', 'bigint', (c) => c.notNull())
    .addColumn('price_mismatch_tolerance_cents', 'integer', (c) => c.notNull())
    .addColumn('credit_check', 'integer', (c) => c.notNull())
    .addColumn('surcharges_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('terms_of_sale_typologies_pk', ['terms_id', 'typology'])
    .execute();

  // A customer's agreement over the CGV: every column null = inherit the typology's value. Franco, truck and
  // order multiples are overridden whole.
  await db.schema
    .createTable('customer_terms')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('reference', 'text')
    .addColumn('articles_json', 'text')
    .addColumn('min_order_value_cents', 'integer')
    .addColumn('min_order_pallets', 'integer')
    .addColumn('min_order_severity', 'text')
    .addColumn('franco_measure', 'text')
    .addColumn('franco_threshold', 'integer')
    .addColumn('franco_fee_below_cents', 'integer')
    .addColumn('order_multiples_json', 'text')
    .addColumn('truck_max_pallets', 'integer')
    .addColumn('truck_max_weight_g', 'bigint')
    .addColumn('price_mismatch_tolerance_cents', 'integer')
    .addColumn('credit_check', 'integer')
    .addColumn('surcharges_json', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A discount on the whole order once a measure of it reaches a step (6 pallets → 1.5 %).
  await db.schema
    .createTable('price_list_order_tiers')
    .addColumn('price_list_id', 'integer', (c) => c.primaryKey().references('price_lists.id').onDelete('cascade'))
    .addColumn('measure', 'text', (c) => c.notNull())
    // Comma-separated product families that count and are discounted; null: all.
    .addColumn('families', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('price_list_order_tier_steps')
    .addColumn('price_list_id', 'integer', (c) => c.notNull().references('price_list_order_tiers.price_list_id').onDelete('cascade'))
    .addColumn('min_value', 'bigint', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_list_order_tier_steps_pk', ['price_list_id', 'min_value'])
    .execute();

  await db.schema
    .createTable('customer_prices')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_prices_customer').on('customer_prices').columns(['customer_id', 'product_id']).execute();

  await db.schema
    .createTable('promotions')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pitch_fr', 'text', (c) => c.notNull())
    .addColumn('pitch_en', 'text')
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text', (c) => c.notNull())
    // Comma-separated typologies; null: not restricted by typology.
    .addColumn('typologies', 'text')
    .addColumn('mechanism_kind', 'text', (c) => c.notNull())
    .addColumn('discount_bp', 'integer')
    .addColumn('min_quantity_per_line', 'integer')
    .addColumn('min_pallets_per_line', 'integer')
    .addColumn('buy_quantity', 'integer')
    .addColumn('free_quantity', 'integer')
    .addColumn('forced_min_quantity', 'integer')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promotions_dates').on('promotions').columns(['date_from', 'date_to']).execute();
  await db.schema
    .createTable('promotion_products')
    .addColumn('promotion_id', 'integer', (c) => c.notNull().references('promotions.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('promotion_products_pk', ['promotion_id', 'product_id'])
    .execute();
  // No row for a promotion: not restricted to named customers.
  await db.schema
    .createTable('promotion_customers')
    .addColumn('promotion_id', 'integer', (c) => c.notNull().references('promotions.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('promotion_customers_pk', ['promotion_id', 'customer_id'])
    .execute();

  // The agreed assortment: when restricted, only the listed products may be ordered (rule `not-listed`).
  await db.schema
    .createTable('customer_assortments')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('restricted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('customer_assortment_products')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('customer_assortment_products_pk', ['customer_id', 'product_id'])
    .execute();

  // Invoiced and not yet paid (from the ERP): open orders are computed from the orders themselves.
  await db.schema
    .createTable('customer_credit')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('unpaid_balance_cents', 'bigint', (c) => c.notNull())
    .addColumn('overdue_cents', 'bigint', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'customer_credit',
    'customer_assortment_products',
    'customer_assortments',
    'promotion_customers',
    'promotion_products',
    'promotions',
    'customer_prices',
    'price_list_order_tier_steps',
    'price_list_order_tiers',
    'customer_terms',
    'terms_of_sale_typologies',
    'terms_of_sale',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
