-- The return settings (store/settings.hpp).

-- name: all_settings
SELECT key, value FROM setting ORDER BY key;

-- name: setting_by_key
SELECT value FROM setting WHERE key = ?1;

-- name: upsert_setting
INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
