-- Ids for shell completion (store/completion.hpp): the records of a kind whose number lies in a
-- range, in order, at most ?3; and the highest number in use. Each reads the primary key alone.

-- name: completion_ids_child
SELECT id FROM child WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_plan
SELECT id FROM plan WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_action
SELECT id FROM action WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_review
SELECT id FROM review WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_batch
SELECT id FROM import_batch WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_episode
SELECT id FROM episode WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_assessment
SELECT id FROM assessment WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_enquiry
SELECT id FROM enquiry WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: completion_ids_conference
SELECT id FROM conference WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
