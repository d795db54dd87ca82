-- An order history: products and orders are soft tables; audit_log is not.
-- The lamp (2) is deleted; order 12 (a desk) and order 13 (a lamp) are deleted.
CREATE TABLE products (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  deleted_at TIMESTAMP
);
CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  product_id BIGINT NOT NULL,
  quantity INT NOT NULL,
  deleted_at TIMESTAMP
);
CREATE TABLE audit_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  message VARCHAR(200) NOT NULL
);

INSERT INTO products (id, name, deleted_at) VALUES
  (1, 'chair', NULL),
  (2, 'lamp', TIMESTAMP '2026-01-01 00:00:00'),
  (3, 'desk', NULL);
INSERT INTO orders (id, product_id, quantity, deleted_at) VALUES
  (10, 1, 2, NULL),
  (11, 2, 1, NULL),
  (12, 3, 5, TIMESTAMP '2026-01-01 00:00:00'),
  (13, 2, 4, TIMESTAMP '2026-01-01 00:00:00');
