DROP TABLE IF EXISTS hm_orders;
DROP TABLE IF EXISTS hm_users;
DROP TABLE IF EXISTS hm_dept;
CREATE TABLE hm_users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, deleted_at TIMESTAMP NULL DEFAULT NULL);
INSERT INTO hm_users (id, name, deleted_at) VALUES (1, 'alice', NULL), (2, 'bob', NULL), (3, 'carol', TIMESTAMP '2026-01-01 00:00:00');
CREATE TABLE hm_orders (id INT PRIMARY KEY, user_id INT NOT NULL, item VARCHAR(50) NOT NULL, is_deleted INT NOT NULL DEFAULT 0);
INSERT INTO hm_orders (id, user_id, item, is_deleted) VALUES (10, 1, 'book', 0), (11, 1, 'pen', 1), (12, 2, 'lamp', 0), (13, 3, 'desk', 0);
CREATE TABLE hm_dept (dept_id INT PRIMARY KEY, parent_id INT NOT NULL, dept_name VARCHAR(50) NOT NULL, del_flag CHAR(1) NOT NULL DEFAULT '0');
INSERT INTO hm_dept (dept_id, parent_id, dept_name, del_flag) VALUES (100, 0, 'head office', '0'), (101, 100, 'sales', '0'), (102, 100, 'old unit', '2'), (103, 100, 'research', '0')
