-- name_key is the name in lower case, which can be longer than the name: 'İ' (U+0130) becomes
-- 'i' + U+0307. A valid 100-character name needs up to 200 characters of key; at 100 the insert
-- failed with a 500.
ALTER TABLE callout ALTER COLUMN name_key SET DATA TYPE VARCHAR(200);
