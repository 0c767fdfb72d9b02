-- why an order was rejected or cancelled, shown by GET /api/orders/{id}
alter table order_view add column reason text;
