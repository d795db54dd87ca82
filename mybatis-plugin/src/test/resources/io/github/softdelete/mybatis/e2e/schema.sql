-- Users and their orders are soft tables (they have deleted_at); audit_log is not.
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  deleted_at TIMESTAMP
);
CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  amount INT NOT NULL,
  deleted_at TIMESTAMP
);
CREATE SEQUENCE order_ids START WITH 100;
CREATE TABLE audit_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  message VARCHAR(200) NOT NULL
);

INSERT INTO users (id, name, deleted_at) VALUES
  (1, 'ann', NULL),
  (2, 'bob', NULL),
  (3, 'cid', NULL),
  (4, 'dee', TIMESTAMP '2026-01-01 00:00:00'),
  (5, 'eve', NULL);
INSERT INTO orders (id, user_id, amount, deleted_at) VALUES
  (10, 1, 100, NULL),
  (11, 1, 250, NULL),
  (12, 2, 75, TIMESTAMP '2026-01-01 00:00:00'),
  (13, 4, 30, NULL);
INSERT INTO audit_log (message) VALUES ('created'), ('checked');
