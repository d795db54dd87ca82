-- Every table has deleted_at, deleted_by and delete_reason columns that the application never reads or writes.
CREATE TABLE users (
  id         BIGINT PRIMARY KEY,
  name       VARCHAR(40) NOT NULL,
  deleted_at TIMESTAMP,
  deleted_by VARCHAR(40),
  delete_reason VARCHAR(200)
);

CREATE TABLE documents (
  id         BIGINT PRIMARY KEY,
  owner_id   BIGINT NOT NULL REFERENCES users (id),
  title      VARCHAR(80) NOT NULL,
  deleted_at TIMESTAMP,
  deleted_by VARCHAR(40),
  delete_reason VARCHAR(200)
);

CREATE TABLE attachments (
  id          BIGINT PRIMARY KEY,
  document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  file_name   VARCHAR(80) NOT NULL,
  size_kb     INT NOT NULL,
  deleted_at  TIMESTAMP,
  deleted_by  VARCHAR(40),
  delete_reason VARCHAR(200)
);

INSERT INTO users (id, name) VALUES (1, 'alice'), (2, 'bob'), (3, 'carol');

INSERT INTO documents (id, owner_id, title) VALUES
  (1, 1, 'Q3 budget'),
  (2, 1, 'Hiring plan'),
  (3, 2, 'Release notes 1.4'),
  (4, 2, 'Security review'),
  (5, 3, 'Team offsite');

INSERT INTO attachments (id, document_id, file_name, size_kb) VALUES
  (1, 1, 'budget.xlsx', 48),
  (2, 1, 'forecast.pdf', 210),
  (3, 2, 'roles.docx', 35),
  (4, 3, 'changelog.md', 12),
  (5, 4, 'pentest-report.pdf', 880),
  (6, 4, 'findings.csv', 16),
  (7, 5, 'venue.jpg', 1450);
