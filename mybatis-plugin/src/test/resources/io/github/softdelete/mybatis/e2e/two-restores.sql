-- Two soft tables alike: in each, a deleted row whose title a live row has taken since (unique among live rows).
CREATE TABLE alpha (
  id BIGINT PRIMARY KEY,
  title VARCHAR(100) NOT NULL,
  deleted_at TIMESTAMP(6),
  live_title VARCHAR(100) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN title END)
);
CREATE UNIQUE INDEX uq_alpha_live_title ON alpha (live_title);
CREATE TABLE beta (
  id BIGINT PRIMARY KEY,
  title VARCHAR(100) NOT NULL,
  deleted_at TIMESTAMP(6),
  live_title VARCHAR(100) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN title END)
);
CREATE UNIQUE INDEX uq_beta_live_title ON beta (live_title);
INSERT INTO alpha (id, title, deleted_at) VALUES (1, 'taken', TIMESTAMP '2026-01-01 00:00:00'), (2, 'taken', NULL);
INSERT INTO beta (id, title, deleted_at) VALUES (1, 'taken', TIMESTAMP '2026-01-01 00:00:00'), (2, 'taken', NULL);
