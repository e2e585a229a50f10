import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());
  const idType = pg ? 'serial' : 'integer';
  const now = (c: ColumnDefinitionBuilder) => c.notNull();

  await db.schema
    .createTable('users')
    .addColumn('id', idType, id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', now)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', now)
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', idType, id)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('success', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_email_at').on('login_attempts').columns(['email', 'at']).execute();

  await db.schema
    .createTable('company')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('siret', 'text')
    .addColumn('vat_number', 'text')
    .addColumn('gln', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('legal_notice', 'text')
    .execute();

  await db.schema
    .createTable('price_lists')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('typology', 'text', (c) => c.notNull())
    .addColumn('siret', 'text')
    .addColumn('vat_number', 'text')
    .addColumn('gln', 'text')
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('FR'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('preferred_channel', 'text', (c) => c.notNull())
    .addColumn('payment_terms', 'text', (c) => c.notNull())
    .addColumn('credit_limit_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('price_list_id', 'integer', (c) => c.references('price_lists.id'))
    .addColumn('assistant_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', now)
    .addColumn('updated_at', 'text', now)
    .execute();
  await db.schema.createIndex('customers_name').on('customers').column('name').execute();

  await db.schema
    .createTable('delivery_points')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gln', 'text')
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('FR'))
    .addColumn('delivery_weekdays', 'text', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer', (c) => c.notNull())
    .addColumn('cutoff_time', 'text', (c) => c.notNull())
    .addColumn('window_from', 'text')
    .addColumn('window_to', 'text')
    .addColumn('appointment_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unloading_notes', 'text')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('delivery_points_customer').on('delivery_points').column('customer_id').execute();
  await db.schema.createIndex('delivery_points_gln').on('delivery_points').column('gln').execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('preferred_hours', 'text')
    .execute();
  await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('gtin', 'text', (c) => c.unique())
    .addColumn('case_gtin', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('sale_unit', 'text', (c) => c.notNull())
    .addColumn('net_weight_g', 'integer', (c) => c.notNull())
    .addColumn('gross_weight_g', 'integer', (c) => c.notNull())
    .addColumn('units_per_carton', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('cartons_per_layer', 'integer')
    .addColumn('layers_per_pallet', 'integer')
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('temperature_class', 'text', (c) => c.notNull())
    .addColumn('shelf_life_days', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', now)
    .addColumn('updated_at', 'text', now)
    .execute();

  await db.schema
    .createTable('product_substitutes')
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('substitute_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('product_substitutes_pk', ['product_id', 'substitute_id'])
    .execute();

  await db.schema
    .createTable('price_list_items')
    .addColumn('id', idType, id)
    .addColumn('price_list_id', 'integer', (c) => c.notNull().references('price_lists.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('min_quantity', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
    .addUniqueConstraint('price_list_items_unique', ['price_list_id', 'product_id', 'min_quantity'])
    .execute();

  await db.schema
    .createTable('customer_product_codes')
    .addColumn('id', idType, id)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('unit_factor', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('customer_product_codes_unique', ['customer_id', 'code'])
    .execute();

  await db.schema
    .createTable('warehouses')
    .addColumn('id', idType, id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('gln', 'text')
    .execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', now)
    .addPrimaryKeyConstraint('stock_levels_pk', ['warehouse_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', idType, id)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('delivery_point_id', 'integer', (c) => c.notNull().references('delivery_points.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('customer_ref', 'text')
    .addColumn('requested_date', 'text')
    .addColumn('promised_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('net_cents', 'bigint', (c) => c.notNull())
    .addColumn('vat_cents', 'bigint', (c) => c.notNull())
    .addColumn('gross_cents', 'bigint', (c) => c.notNull())
    .addColumn('pallets_centi', 'integer', (c) => c.notNull())
    .addColumn('weight_g', 'bigint', (c) => c.notNull())
    .addColumn('backorder_of_order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', now)
    .addColumn('updated_at', 'text', now)
    .execute();
  await db.schema.createIndex('orders_status').on('orders').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('orders_customer').on('orders').columns(['customer_id', 'created_at']).execute();
  await db.schema.createIndex('orders_customer_ref').on('orders').column('customer_ref').execute();
  await db.schema.createIndex('orders_created_at').on('orders').column('created_at').execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', idType, id)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('customer_code', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
    .addColumn('net_cents', 'bigint', (c) => c.notNull())
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('delivered_quantity', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('backorder_of_line_id', 'integer', (c) => c.references('order_lines.id'))
    .execute();
  await db.schema.createIndex('order_lines_order').on('order_lines').columns(['order_id', 'line_no']).execute();
  await db.schema.createIndex('order_lines_product').on('order_lines').column('product_id').execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'integer', (c) => c.references('orders.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', now)
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', idType, id)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('planned_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delivery_note_number', 'text')
    .addColumn('pallets_centi', 'integer', (c) => c.notNull())
    .addColumn('weight_g', 'bigint', (c) => c.notNull())
    .addColumn('shipped_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('created_at', 'text', now)
    .execute();
  await db.schema.createIndex('deliveries_order').on('deliveries').column('order_id').execute();

  await db.schema
    .createTable('delivery_lines')
    .addColumn('id', idType, id)
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('order_line_id', 'integer', (c) => c.notNull().references('order_lines.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('delivered_quantity', 'integer')
    .execute();
  await db.schema.createIndex('delivery_lines_delivery').on('delivery_lines').column('delivery_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', idType, id)
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_events_order').on('audit_events').column('order_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_events',
    'delivery_lines',
    'deliveries',
    'documents',
    'order_lines',
    'orders',
    'counters',
    'stock_levels',
    'warehouses',
    'customer_product_codes',
    'price_list_items',
    'product_substitutes',
    'products',
    'contacts',
    'delivery_points',
    'customers',
    'price_lists',
    'company',
    'login_attempts',
    'sessions',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
