-- A shop's schema as it was before soft deletes: what the doctor finds in it is in docs/check-and-doctor.md.
CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(50) NOT NULL, deleted_at TIMESTAMP);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE INDEX accounts_live ON accounts (deleted_at);
CREATE TABLE orders (id INT PRIMARY KEY, account_id INT NOT NULL, deleted_at TIMESTAMP,
  CONSTRAINT orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE);
CREATE INDEX orders_live ON orders (account_id, deleted_at);
CREATE TABLE payments (id INT PRIMARY KEY, order_id INT NOT NULL, deleted_at TIMESTAMP,
  CONSTRAINT payments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT);
