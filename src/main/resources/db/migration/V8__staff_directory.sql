-- The ward's directory (issue 16, items 1 and 2): what the engine's identity tables cannot hold. One row per user the
-- directory synchronisation has ever seen; users without a row were made by hand (Admin, demo data) and are never
-- touched by it. A user who left keeps her engine user (names stay readable in the history) and her row, with left_at.
-- Portable SQL as in V1 to V7.
CREATE TABLE staff_directory (
  user_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
  distinguished_name VARCHAR(1000),
  last_name_kana    VARCHAR(100),
  first_name_kana   VARCHAR(100),
  department_code   VARCHAR(64),
  synced_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  left_at           TIMESTAMP WITH TIME ZONE
);

-- One row: each synchronisation locks it (SELECT … FOR UPDATE) for its one transaction, so two nodes synchronise one
-- after the other, never at the same time.
CREATE TABLE directory_sync (
  id                INTEGER       NOT NULL PRIMARY KEY,
  last_run_at       TIMESTAMP WITH TIME ZONE,
  last_run_by       VARCHAR(100),
  last_result       VARCHAR(4000)
);

INSERT INTO directory_sync (id) VALUES (1);
