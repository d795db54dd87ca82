-- users and orders are soft tables (they have deleted_at); audit_log is not.
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  status INT NOT NULL DEFAULT 1,
  deleted_at TIMESTAMP,
  deleted_by VARCHAR(50)
);
CREATE TABLE orders (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  amount INT NOT NULL,
  deleted_at TIMESTAMP,
  deleted_by VARCHAR(50)
);
CREATE TABLE audit_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  message VARCHAR(200) NOT NULL
);
INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO orders (id, user_id, amount) VALUES (10, 1, 100);
