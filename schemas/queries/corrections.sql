-- Named statements of corrections (store/corrections.hpp; record/corrections.hpp): a plan's lead worker
-- and team, an action's fields, and what a worker who leaves holds.

-- name: correct_plan_worker
UPDATE plan SET lead_worker = ?2, team = ?3 WHERE id = ?1;

-- name: correct_action
UPDATE action SET what = ?2, owner = ?3, agency = ?4, due_date = ?5 WHERE id = ?1;

-- name: open_actions_of_owner
-- The open actions of an owner (?1), of one agency (?2) when given.
SELECT id FROM action WHERE owner = ?1 AND status = 'open' AND (?2 IS NULL OR agency = ?2) ORDER BY id;

-- name: open_plans_of_worker
SELECT id FROM plan WHERE lead_worker = ?1 AND end_date IS NULL ORDER BY id;

-- name: first_plan_of_child
-- The child's plan that starts first, by start date.
SELECT id, start_date FROM plan WHERE child_id = ?1 ORDER BY start_date, id LIMIT 1;
