-- Deputy assignments (代理, V9) are checked against each other — no overlap for a principal, no deputy who is absent
-- herself — so two created at the same moment must be checked one after the other: each creation holds this one
-- row (SELECT … FOR UPDATE) until it commits. Creations are rare; readers are not blocked.
CREATE TABLE deputy_assignment_lock (
  id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO deputy_assignment_lock (id) VALUES (1);
