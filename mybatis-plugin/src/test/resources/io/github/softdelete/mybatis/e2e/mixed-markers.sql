CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted_at TIMESTAMP);
CREATE TABLE posts (id INT PRIMARY KEY, user_id INT NOT NULL, removed_at TIMESTAMP);
CREATE TABLE orders (id INT PRIMARY KEY, user_id INT NOT NULL, is_deleted INT DEFAULT 0 NOT NULL);
CREATE TABLE sys_user (id INT PRIMARY KEY, user_id INT NOT NULL, del_flag CHAR(1) DEFAULT '0' NOT NULL, del_by VARCHAR(50));
INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bob');
INSERT INTO posts (id, user_id) VALUES (10, 1), (11, 1), (20, 2);
UPDATE posts SET removed_at = TIMESTAMP '2020-01-01 00:00:00' WHERE id = 11;
INSERT INTO orders (id, user_id) VALUES (100, 1), (200, 2);
INSERT INTO sys_user (id, user_id) VALUES (1000, 1), (2000, 2);
