-- Users own documents, documents have attachments: all soft, with who/why columns.
-- A document's title is unique among live documents (a generated column that is NULL once deleted).
CREATE TABLE users (
  id BIGINT PRIMARY KEY,
  name VARCHAR(50) NOT NULL,
  deleted_at TIMESTAMP(6),
  deleted_by VARCHAR(50),
  delete_reason VARCHAR(200)
);
CREATE TABLE documents (
  id BIGINT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  title VARCHAR(100) NOT NULL,
  deleted_at TIMESTAMP(6),
  deleted_by VARCHAR(50),
  delete_reason VARCHAR(200),
  live_title VARCHAR(100) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN title END)
);
CREATE UNIQUE INDEX uq_documents_live_title ON documents (live_title);
CREATE TABLE attachments (
  id BIGINT PRIMARY KEY,
  document_id BIGINT NOT NULL,
  file_name VARCHAR(100) NOT NULL,
  deleted_at TIMESTAMP(6),
  deleted_by VARCHAR(50),
  delete_reason VARCHAR(200)
);

INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO documents (id, user_id, title, deleted_at, deleted_by, delete_reason) VALUES
  (10, 1, 'plan', NULL, NULL, NULL),
  (11, 1, 'notes', NULL, NULL, NULL),
  (12, 1, 'draft', TIMESTAMP '2026-01-01 00:00:00', 'carl', 'obsolete'),
  (20, 2, 'budget', NULL, NULL, NULL);
INSERT INTO attachments (id, document_id, file_name, deleted_at, deleted_by, delete_reason) VALUES
  (100, 10, 'plan.pdf', NULL, NULL, NULL),
  (101, 10, 'plan-v0.pdf', TIMESTAMP '2026-02-01 00:00:00', 'ann', 'superseded'),
  (102, 11, 'notes.txt', NULL, NULL, NULL),
  (103, 12, 'draft.doc', TIMESTAMP '2026-01-01 00:00:00', 'carl', 'obsolete'),
  (200, 20, 'budget.xls', NULL, NULL, NULL);
