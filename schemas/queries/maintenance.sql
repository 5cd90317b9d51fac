-- Named statements behind `icsctl db check` beyond SQLite's own checks.

-- name: actions_with_uncoded_agency
-- Actions whose agency is not a code of the agency list (:codes, a JSON array): values written
-- before the list existed, kept as they are.
SELECT id, agency FROM action
WHERE agency NOT IN (SELECT value FROM json_each(:codes))
ORDER BY id;
