-- Restricted children (store/restricted.hpp; schemas/sql/0006_restricted.sql).

-- name: restricted_children
SELECT child_id FROM restricted_child ORDER BY child_id;

-- name: restriction_of_child
SELECT reason, restricted_at, restricted_by FROM restricted_child WHERE child_id = ?1;

-- name: insert_restriction
INSERT INTO restricted_child (child_id, reason, restricted_at, restricted_by) VALUES (?1, ?2, ?3, ?4);

-- name: delete_restriction
DELETE FROM restricted_child WHERE child_id = ?1;

-- name: restricted_owner
-- The restricted child a record belongs to (:kind its id's letter, :id its number), read from the
-- base tables: `main.` names them under a session's shadowing views (below). SQLite's name for the
-- database; PostgreSQL's would be the schema's (public.).
SELECT r.child_id FROM main.restricted_child r
WHERE r.child_id IN (
  SELECT :id WHERE :kind = 'C'
  UNION ALL SELECT child_id FROM main.plan WHERE :kind = 'P' AND id = :id
  UNION ALL SELECT p.child_id FROM main.action a JOIN main.plan p ON p.id = a.plan_id
            WHERE :kind = 'A' AND a.id = :id
  UNION ALL SELECT p.child_id FROM main.review v JOIN main.plan p ON p.id = v.plan_id
            WHERE :kind = 'R' AND v.id = :id
  UNION ALL SELECT child_id FROM main.episode WHERE :kind = 'E' AND id = :id
  UNION ALL SELECT e.child_id FROM main.assessment x JOIN main.episode e ON e.id = x.episode_id
            WHERE :kind = 'N' AND x.id = :id
  UNION ALL SELECT e.child_id FROM main.enquiry x JOIN main.episode e ON e.id = x.episode_id
            WHERE :kind = 'S' AND x.id = :id
  UNION ALL SELECT e.child_id FROM main.conference x JOIN main.episode e ON e.id = x.episode_id
            WHERE :kind = 'I' AND x.id = :id
);

-- name: hide_restricted
-- Shadows every table that holds a child's records with a temporary view of the same name that
-- leaves out the restricted children's rows, for this connection only. SQLite (like PostgreSQL,
-- whose pg_temp comes first in the search path) resolves an unqualified name to a temporary object
-- before the database's own, so every query of schemas/queries and schemas/reports reads the views
-- unchanged. A view in the database (child_all_refs) still reads the base tables. The ids hidden are
-- gathered once into temporary tables keyed by id, so that each view's test is one lookup by key.
-- Run only when some child is restricted: otherwise nothing is shadowed and reads cost nothing more.
CREATE TEMP TABLE hidden_child (id INTEGER PRIMARY KEY);
INSERT INTO temp.hidden_child SELECT child_id FROM main.restricted_child;
CREATE TEMP TABLE hidden_plan (id INTEGER PRIMARY KEY);
INSERT INTO temp.hidden_plan SELECT id FROM main.plan WHERE child_id IN (SELECT id FROM temp.hidden_child);
CREATE TEMP TABLE hidden_episode (id INTEGER PRIMARY KEY);
INSERT INTO temp.hidden_episode
  SELECT id FROM main.episode WHERE child_id IN (SELECT id FROM temp.hidden_child);
-- The audit trail's entities that are a hidden child's: its records' public ids and its restriction.
CREATE TEMP TABLE hidden_entity (entity TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO temp.hidden_entity
  SELECT 'C' || id FROM temp.hidden_child
  UNION ALL SELECT 'restriction:C' || id FROM temp.hidden_child
  UNION ALL SELECT 'P' || id FROM temp.hidden_plan
  UNION ALL SELECT 'A' || id FROM main.action WHERE plan_id IN (SELECT id FROM temp.hidden_plan)
  UNION ALL SELECT 'R' || id FROM main.review WHERE plan_id IN (SELECT id FROM temp.hidden_plan)
  UNION ALL SELECT 'E' || id FROM temp.hidden_episode
  UNION ALL SELECT 'N' || id FROM main.assessment WHERE episode_id IN (SELECT id FROM temp.hidden_episode)
  UNION ALL SELECT 'S' || id FROM main.enquiry WHERE episode_id IN (SELECT id FROM temp.hidden_episode)
  UNION ALL SELECT 'I' || id FROM main.conference WHERE episode_id IN (SELECT id FROM temp.hidden_episode);
CREATE TEMP VIEW child AS SELECT * FROM main.child WHERE id NOT IN (SELECT id FROM temp.hidden_child);
CREATE TEMP VIEW child_ref AS
  SELECT * FROM main.child_ref WHERE child_id NOT IN (SELECT id FROM temp.hidden_child);
CREATE TEMP VIEW plan AS SELECT * FROM main.plan WHERE child_id NOT IN (SELECT id FROM temp.hidden_child);
CREATE TEMP VIEW episode AS
  SELECT * FROM main.episode WHERE child_id NOT IN (SELECT id FROM temp.hidden_child);
CREATE TEMP VIEW action AS SELECT * FROM main.action WHERE plan_id NOT IN (SELECT id FROM temp.hidden_plan);
CREATE TEMP VIEW review AS SELECT * FROM main.review WHERE plan_id NOT IN (SELECT id FROM temp.hidden_plan);
CREATE TEMP VIEW assessment AS
  SELECT * FROM main.assessment WHERE episode_id NOT IN (SELECT id FROM temp.hidden_episode);
CREATE TEMP VIEW enquiry AS
  SELECT * FROM main.enquiry WHERE episode_id NOT IN (SELECT id FROM temp.hidden_episode);
CREATE TEMP VIEW conference AS
  SELECT * FROM main.conference WHERE episode_id NOT IN (SELECT id FROM temp.hidden_episode);
-- The audit trail without the hidden children's records and without the audited reads of
-- restricted children (they name them).
CREATE TEMP VIEW audit AS
  SELECT * FROM main.audit
  WHERE entity IS NULL
     OR (entity NOT IN (SELECT entity FROM temp.hidden_entity) AND entity <> 'restricted-read');
