-- Ids for shell completion (store/completion.hpp): the records of a kind whose number lies in a
-- range, in order, at most ?3; and the highest number in use. Each reads the primary key alone.

-- name: complete_child
SELECT id FROM child WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_plan
SELECT id FROM plan WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_action
SELECT id FROM action WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_review
SELECT id FROM review WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_batch
SELECT id FROM import_batch WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_episode
SELECT id FROM episode WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_assessment
SELECT id FROM assessment WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_enquiry
SELECT id FROM enquiry WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
-- name: complete_conference
SELECT id FROM conference WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3;
