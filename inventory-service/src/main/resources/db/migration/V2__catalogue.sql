-- a small catalogue so that a fresh platform can take orders at once
insert into product (sku, name, price_cents, currency) values
    ('SKU-KEYBOARD', 'Mechanical keyboard', 4999, 'EUR'),
    ('SKU-MOUSE', 'Wireless mouse', 2500, 'EUR'),
    ('SKU-SCREEN', '27" screen', 19900, 'EUR'),
    ('SKU-CABLE', 'USB-C cable', 900, 'EUR'),
    ('SKU-HEADSET', 'Headset', 7900, 'EUR');
insert into stock (sku, initial, available) values
    ('SKU-KEYBOARD', 100, 100),
    ('SKU-MOUSE', 500, 500),
    ('SKU-SCREEN', 50, 50),
    ('SKU-CABLE', 1000, 1000),
    ('SKU-HEADSET', 50, 50);
