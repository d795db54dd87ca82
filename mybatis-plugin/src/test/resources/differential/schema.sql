-- Differential test data. Deleted rows (deleted_at set) sit on both sides of every join:
-- deleted users with live orders, live users with only deleted orders, deleted managers,
-- live items of deleted orders, NULL join keys, keys that match nothing.
-- Portable SQL: it runs unchanged on H2, PostgreSQL and MariaDB, into an empty schema the test prepares.

CREATE TABLE users (
  id         INT PRIMARY KEY,
  name       VARCHAR(40) NOT NULL,
  manager_id INT,
  deleted_at TIMESTAMP NULL
);

CREATE TABLE orders (
  id         INT PRIMARY KEY,
  user_id    INT,
  amount     DECIMAL(10, 2) NOT NULL,
  status     VARCHAR(10) NOT NULL,
  deleted_at TIMESTAMP NULL
);

CREATE TABLE order_items (
  id         INT PRIMARY KEY,
  order_id   INT,
  sku        VARCHAR(10),
  qty        INT NOT NULL,
  deleted_at TIMESTAMP NULL
);

-- not soft: no deleted_at column
CREATE TABLE products (
  sku   VARCHAR(10) PRIMARY KEY,
  title VARCHAR(40) NOT NULL
);

-- not soft although its name contains a soft table's name
CREATE TABLE users_archive (
  id   INT PRIMARY KEY,
  name VARCHAR(40) NOT NULL
);

-- not soft; table_name holds soft table names as plain strings
CREATE TABLE audit_log (
  id         INT PRIMARY KEY,
  table_name VARCHAR(40) NOT NULL,
  row_id     INT,
  action     VARCHAR(10) NOT NULL
);

INSERT INTO users (id, name, manager_id, deleted_at) VALUES
  (1,  'Alice', NULL, NULL),                             -- top of the hierarchy, live and deleted orders
  (2,  'Bob',   1,    NULL),                             -- live and deleted orders
  (3,  'Carol', 1,    TIMESTAMP '2026-01-03 10:00:00'),  -- deleted user with live orders, manager of live users
  (4,  'Dave',  3,    NULL),                             -- live user under a deleted manager
  (5,  'Erin',  2,    TIMESTAMP '2026-01-05 10:00:00'),  -- deleted user with only deleted orders
  (6,  'Frank', NULL, NULL),                             -- live user without any order
  (7,  'Grace', 3,    NULL),                             -- live user with only deleted orders
  (8,  'Heidi', 5,    TIMESTAMP '2026-01-08 10:00:00'),  -- deleted user under a deleted manager, no orders
  (9,  'Ivan',  4,    NULL),                             -- chain Ivan -> Dave -> Carol (deleted) -> Alice
  (10, 'Judy',  7,    NULL),                             -- manager has only deleted orders
  (11, 'Bob',   6,    TIMESTAMP '2026-01-11 10:00:00');  -- deleted namesake of a live user

INSERT INTO orders (id, user_id, amount, status, deleted_at) VALUES
  (101, 1,    100.00, 'PAID',      NULL),
  (102, 1,     50.00, 'NEW',       TIMESTAMP '2026-02-02 10:00:00'),
  (103, 2,     75.00, 'PAID',      NULL),
  (104, 3,    200.00, 'PAID',      NULL),                             -- live order of a deleted user
  (105, 3,     20.00, 'NEW',       NULL),                             -- live order of a deleted user
  (106, 7,    300.00, 'PAID',      TIMESTAMP '2026-02-06 10:00:00'),
  (107, 7,     10.00, 'NEW',       TIMESTAMP '2026-02-07 10:00:00'),
  (108, NULL,  40.00, 'NEW',       NULL),                             -- guest order: NULL join key
  (109, 5,     60.00, 'CANCELLED', TIMESTAMP '2026-02-09 10:00:00'),
  (110, 9,     80.00, 'PAID',      NULL),
  (111, 4,    120.00, 'NEW',       NULL),
  (112, 99,    15.00, 'PAID',      NULL),                             -- user that never existed
  (113, NULL,  33.00, 'PAID',      TIMESTAMP '2026-02-13 10:00:00'),
  (114, 2,    500.00, 'PAID',      TIMESTAMP '2026-02-14 10:00:00'),
  (115, 11,    25.00, 'NEW',       NULL);                             -- live order of the deleted Bob

INSERT INTO order_items (id, order_id, sku, qty, deleted_at) VALUES
  (1001, 101,  'SKU-A', 1, NULL),
  (1002, 101,  'SKU-B', 2, TIMESTAMP '2026-03-02 10:00:00'),
  (1003, 102,  'SKU-A', 3, NULL),                             -- live item of a deleted order
  (1004, 103,  'SKU-C', 1, NULL),
  (1005, 104,  'SKU-B', 5, NULL),
  (1006, 106,  'SKU-D', 1, TIMESTAMP '2026-03-06 10:00:00'),  -- only item with SKU-D, deleted
  (1007, 110,  'SKU-X', 2, NULL),                             -- SKU without a product
  (1008, NULL, 'SKU-A', 1, NULL),                             -- NULL join key
  (1009, 111,  'SKU-C', 4, TIMESTAMP '2026-03-09 10:00:00'),
  (1010, 114,  'SKU-B', 1, NULL),                             -- live item of a deleted order
  (1011, 108,  'SKU-A', 2, NULL),
  (1012, 103,  NULL,    1, NULL),                             -- NULL sku
  (1013, 105,  'SKU-E', 6, NULL);

INSERT INTO products (sku, title) VALUES
  ('SKU-A', 'Apple'),
  ('SKU-B', 'Banana'),
  ('SKU-C', 'Cherry'),
  ('SKU-D', 'Date'),
  ('SKU-E', 'Elderberry'),
  ('SKU-F', 'Fig');

INSERT INTO users_archive (id, name) VALUES
  (3,  'Carol'),
  (5,  'Erin'),
  (12, 'Mallory'),
  (13, 'Niaj');

INSERT INTO audit_log (id, table_name, row_id, action) VALUES
  (1, 'users',  3,   'DELETE'),
  (2, 'users',  5,   'DELETE'),
  (3, 'users',  1,   'UPDATE'),
  (4, 'orders', 102, 'DELETE'),
  (5, 'users',  6,   'INSERT'),
  (6, 'orders', 101, 'UPDATE'),
  (7, 'users',  42,  'DELETE');
