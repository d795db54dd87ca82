-- users: soft by its deleted_at column; accounts: soft only when configured, by removed = 1
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  deleted_at TIMESTAMP,
  deleted_by VARCHAR(50)
);
CREATE TABLE accounts (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  removed INT DEFAULT 0 NOT NULL
);
INSERT INTO users (id, name, deleted_at) VALUES
  (1, 'ann', NULL),
  (2, 'bob', NULL),
  (3, 'cid', NULL),
  (4, 'dee', TIMESTAMP '2026-01-01 00:00:00'),
  (5, 'eve', NULL);
INSERT INTO accounts (id, name, removed) VALUES
  (1, 'main', 0),
  (2, 'savings', 0),
  (3, 'closed', 1);
