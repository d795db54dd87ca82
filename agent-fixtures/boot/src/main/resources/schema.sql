CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted_at TIMESTAMP);
INSERT INTO users VALUES (1, 'alice', NULL), (2, 'bob', NULL), (3, 'carol', TIMESTAMP '2026-01-01 00:00:00');
CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(50) NOT NULL);
INSERT INTO notes VALUES (1, 'first'), (2, 'second');
