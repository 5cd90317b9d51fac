-- Information sharing (README "Information sharing"): the children whose records are restricted.
-- A restricted child, and every record of theirs, is left out of lists, reports, `show`, `log` and
-- exports unless --include-restricted is given, and such a read is audited. One row per restriction
-- in force; `unrestrict` deletes it. Its history is the audit trail (entity restriction:C…), which
-- holds who restricted the child, when and why, and who lifted it.
CREATE TABLE restricted_child (
  child_id INTEGER PRIMARY KEY REFERENCES child(id),
  reason TEXT NOT NULL,
  restricted_at TEXT NOT NULL,         -- UTC ISO 8601
  restricted_by TEXT NOT NULL
) STRICT;
