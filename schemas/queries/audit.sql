-- Named statements of the tamper-evident record (lib/ics/store/audit_chain.cpp, record_check.cpp).

-- name: audit_chain_between
-- The audit records from seq ?1 to ?2 in order, with what their hashes cover (db check reads the
-- chain in pieces).
SELECT seq, at, actor, command, entity, before, after, prev_hash, hash FROM audit WHERE seq BETWEEN ?1 AND ?2
ORDER BY seq;

-- name: audit_record_before
-- The record before seq ?1 (none: ?1 is the first), with its hash.
SELECT seq, hash FROM audit WHERE seq < ?1 ORDER BY seq DESC LIMIT 1;

-- name: audit_unsealed
-- The records a migration has still to chain (none once 0008 has run), ?2 at a time after seq ?1.
SELECT seq, at, actor, command, entity, before, after FROM audit WHERE hash IS NULL AND seq > ?1
ORDER BY seq LIMIT ?2;

-- name: audit_seal
UPDATE audit SET prev_hash = ?2, hash = ?3 WHERE seq = ?1;

-- name: audit_hash_at
SELECT hash FROM audit WHERE seq = ?1;

-- name: audit_head
SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1;

-- name: insert_audit_chained
INSERT INTO audit (seq, at, actor, command, entity, before, after, prev_hash, hash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);

-- The check_* statements (store/checked_rows.hpp): every record of a kind in id order, its group
-- (import batch, 0 for none), then its image: the columns the audit images hold, named as their
-- keys. :batch limits it to one batch's rows (NULL: every row), for sealing the batch; :from and :to
-- bound the ids (a row hashed again on its own). Their audit records are found apart
-- (audit_entities_between), in one pass over the entity index.

-- name: check_children
SELECT c.id, coalesce(c.batch_id, 0) AS grp,
       'C' || c.id AS child_id, c.given_names, c.family_name, c.date_of_birth, c.expected_dob, c.sex, c.nhs_number, c.upn, c.ethnicity, c.disabilities, c.upn_unknown, c.former_upn, c.mother_nhs_number, c.date_of_death
FROM child c
WHERE (:batch IS NULL OR c.batch_id = :batch) AND c.id BETWEEN :from AND :to
ORDER BY c.id;

-- name: check_episodes
SELECT e.id, coalesce(e.batch_id, 0) AS grp,
       'E' || e.id AS episode_id, 'C' || e.child_id AS child_id, e.referral_date, e.referral_source, e.primary_need, CASE WHEN e.nfa THEN 'yes' ELSE 'no' END AS nfa, e.closure_date, e.closure_reason, e.made_by
FROM episode e
WHERE (:batch IS NULL OR e.batch_id = :batch) AND e.id BETWEEN :from AND :to
ORDER BY e.id;

-- name: check_assessments
SELECT n.id, coalesce(n.batch_id, 0) AS grp,
       'N' || n.id AS assessment_id, 'E' || n.episode_id AS episode_id, n.start_date, n.completed_date, n.factors
FROM assessment n
WHERE (:batch IS NULL OR n.batch_id = :batch) AND n.id BETWEEN :from AND :to
ORDER BY n.id;

-- name: check_enquiries
SELECT s.id, coalesce(s.batch_id, 0) AS grp,
       'S' || s.id AS enquiry_id, 'E' || s.episode_id AS episode_id, s.start_date, s.conference_target, s.end_date
FROM enquiry s
WHERE (:batch IS NULL OR s.batch_id = :batch) AND s.id BETWEEN :from AND :to
ORDER BY s.id;

-- name: check_conferences
SELECT i.id, coalesce(i.batch_id, 0) AS grp,
       'I' || i.id AS conference_id, 'E' || i.episode_id AS episode_id, 'S' || i.enquiry_id AS enquiry_id, i.conference_date, i.outcome
FROM conference i
WHERE (:batch IS NULL OR i.batch_id = :batch) AND i.id BETWEEN :from AND :to
ORDER BY i.id;

-- name: check_plans
SELECT p.id, coalesce(p.batch_id, 0) AS grp,
       'P' || p.id AS plan_id, 'C' || p.child_id AS child_id, t.name AS template, t.version AS template_version, p.kind, p.initial_category, p.latest_category, p.start_date, p.end_date, p.end_reason, p.lead_worker, p.team, p.contingency, p.first_review_due, p.previous_cp_plans, p.legacy_ref, 'E' || p.episode_id AS episode_id, 'I' || p.conference_id AS conference_id
FROM plan p JOIN template_snapshot t ON t.id = p.template_id
WHERE (:batch IS NULL OR p.batch_id = :batch) AND p.id BETWEEN :from AND :to
ORDER BY p.id;

-- name: check_actions
SELECT a.id, 0 AS grp,
       'A' || a.id AS action_id, 'P' || a.plan_id AS plan_id, a.section, a.what, a.owner, a.agency, a.due_date, a.status, a.completed_date, a.cancel_reason
FROM action a
WHERE (:batch IS NULL OR NULL = :batch) AND a.id BETWEEN :from AND :to
ORDER BY a.id;

-- name: check_reviews
SELECT r.id, 0 AS grp,
       'R' || r.id AS review_id, 'P' || r.plan_id AS plan_id, r.kind, r.review_date, r.outcome, r.category, r.next_review_due, r.seen, r.seen_alone
FROM review r
WHERE (:batch IS NULL OR NULL = :batch) AND r.id BETWEEN :from AND :to
ORDER BY r.id;

-- name: record_kind_sizes
-- Each kind's largest id (as checked_rows.cpp names the kinds): db check checks the largest first.
SELECT 'child', coalesce(max(id), 0) FROM child UNION ALL SELECT 'episode', coalesce(max(id), 0) FROM episode
UNION ALL SELECT 'assessment', coalesce(max(id), 0) FROM assessment
UNION ALL SELECT 'enquiry', coalesce(max(id), 0) FROM enquiry
UNION ALL SELECT 'conference', coalesce(max(id), 0) FROM conference
UNION ALL SELECT 'plan', coalesce(max(id), 0) FROM plan UNION ALL SELECT 'action', coalesce(max(id), 0) FROM action
UNION ALL SELECT 'review', coalesce(max(id), 0) FROM review;

-- name: audit_entities_between
-- The entities between ?1 and ?2 (a kind's: 'C' and 'D' for children) with their records' seqs,
-- from the entity index alone.
SELECT entity, seq FROM audit WHERE entity >= ?1 AND entity < ?2;

-- name: audit_after_at
SELECT after FROM audit WHERE seq = ?1;

-- name: audit_afters_from
-- The records from seq ?1 on, read along the table (db check's cursor over the latest images).
SELECT seq, after FROM audit WHERE seq >= ?1 ORDER BY seq;

-- name: audit_before_after
-- The `before` of the first audit record of entity ?2 after seq ?1.
SELECT before FROM audit WHERE entity = ?2 AND seq > ?1 ORDER BY seq LIMIT 1;

-- name: batch_seals
-- Each sealed group (an import batch; 0: the records a migration found unaudited), the audit record
-- holding its digest, the digest that record holds and the one stored beside the chunks.
SELECT s.batch_id, s.audit_seq, s.sha256, json_extract(a.after, '$.rows_sha256') AS audited_sha256
FROM batch_seal s LEFT JOIN audit a ON a.seq = s.audit_seq ORDER BY s.batch_id;

-- name: batch_chunks
SELECT kind, chunk, rows, sha256 FROM batch_digest WHERE batch_id = ?1 ORDER BY kind, chunk;

-- name: insert_batch_chunk
INSERT INTO batch_digest (batch_id, kind, chunk, rows, sha256) VALUES (?1, ?2, ?3, ?4, ?5);

-- name: insert_batch_seal
INSERT INTO batch_seal (batch_id, audit_seq, sha256) VALUES (?1, ?2, ?3);

-- name: unsealed_batches
-- Import batches made before the chain, which the migration seals.
SELECT id FROM import_batch WHERE id NOT IN (SELECT batch_id FROM batch_seal) ORDER BY id;
