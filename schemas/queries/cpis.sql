-- The CP-IS extract log (store/cpis.hpp).

-- name: latest_cpis_extract_as_of
SELECT as_of FROM cpis_extract ORDER BY as_of DESC, id DESC LIMIT 1;

-- name: insert_cpis_extract
INSERT INTO cpis_extract (as_of, made_at, actor, rows) VALUES (?1, ?2, ?3, ?4);
