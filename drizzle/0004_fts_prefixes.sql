-- Prefix indexes up to 6 characters. FTS5 serves `"word"*` from a prefix index only
-- when the word is as long as one of the listed lengths, and otherwise merges every term
-- that starts with it. Many first names and other search words have 4 to 6 letters.
-- On a 100,000-order mirror this halved the ranking of a two-word name search
-- (1.1 to 0.57 ms) and grew the index by 40 %. The triggers of the previous migration
-- write to the new table unchanged.
DROP TABLE IF EXISTS `orders_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `orders_fts` USING fts5(
  plate, person, phone, email, short_name, vehicle, project_status, damage, parts_status, remarks,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4 5 6'
);
--> statement-breakpoint
INSERT INTO `orders_fts` (rowid, plate, person, phone, email, short_name, vehicle, project_status, damage, parts_status, remarks)
  SELECT
    o.id,
    coalesce(o.plate, '') || ' ' || coalesce(o.plate_key, ''),
    coalesce(o.person_search, ''),
    coalesce(o.phone, '') || ' ' || coalesce(o.phone_search, ''),
    coalesce(o.email, ''),
    coalesce(o.short_name, ''),
    concat_ws(' ', json_extract(o.vehicle, '$.vin'), json_extract(o.vehicle, '$.make'), json_extract(o.vehicle, '$.model')),
    coalesce(o.project_status, ''),
    coalesce(o.damage, ''),
    coalesce(o.parts_status, ''),
    coalesce(json_extract(o.details, '$.remarks'), '')
  FROM `orders` AS o;
