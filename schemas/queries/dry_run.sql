-- Named statements of a dry run (store/audit_marks.hpp): what a write transaction
-- recorded in the audit trail, read back before it is rolled back.

-- name: audit_mark
SELECT coalesce(max(seq), 0) AS seq FROM audit;

-- name: audit_since
SELECT entity,
       CASE WHEN before IS NULL THEN 'add' WHEN after IS NULL THEN 'remove' ELSE 'change' END AS change,
       before, after
FROM audit WHERE seq > :mark ORDER BY seq;
