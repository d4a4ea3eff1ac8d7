-- Free text also searches the vehicle's make and model (`q=golf`), so the index is
-- rebuilt with a `vehicle` column (VIN, make, model) in place of `vin`.
DROP TRIGGER IF EXISTS `orders_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `orders_fts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `orders_fts_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `orders_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `orders_fts` USING fts5(
  plate, person, phone, email, short_name, vehicle, project_status, damage, parts_status, remarks,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
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
--> statement-breakpoint
CREATE TRIGGER `orders_fts_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `orders_fts` (rowid, plate, person, phone, email, short_name, vehicle, project_status, damage, parts_status, remarks)
  VALUES (
    new.id,
    coalesce(new.plate, '') || ' ' || coalesce(new.plate_key, ''),
    coalesce(new.person_search, ''),
    coalesce(new.phone, '') || ' ' || coalesce(new.phone_search, ''),
    coalesce(new.email, ''),
    coalesce(new.short_name, ''),
    concat_ws(' ', json_extract(new.vehicle, '$.vin'), json_extract(new.vehicle, '$.make'), json_extract(new.vehicle, '$.model')),
    coalesce(new.project_status, ''),
    coalesce(new.damage, ''),
    coalesce(new.parts_status, ''),
    coalesce(json_extract(new.details, '$.remarks'), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_update` AFTER UPDATE OF
  plate, plate_key, person_search, phone, phone_search, email, short_name, vehicle, project_status, damage, parts_status, details
  ON `orders` BEGIN
  DELETE FROM `orders_fts` WHERE rowid = old.id;
  INSERT INTO `orders_fts` (rowid, plate, person, phone, email, short_name, vehicle, project_status, damage, parts_status, remarks)
  VALUES (
    new.id,
    coalesce(new.plate, '') || ' ' || coalesce(new.plate_key, ''),
    coalesce(new.person_search, ''),
    coalesce(new.phone, '') || ' ' || coalesce(new.phone_search, ''),
    coalesce(new.email, ''),
    coalesce(new.short_name, ''),
    concat_ws(' ', json_extract(new.vehicle, '$.vin'), json_extract(new.vehicle, '$.make'), json_extract(new.vehicle, '$.model')),
    coalesce(new.project_status, ''),
    coalesce(new.damage, ''),
    coalesce(new.parts_status, ''),
    coalesce(json_extract(new.details, '$.remarks'), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_delete` AFTER DELETE ON `orders` BEGIN
  DELETE FROM `orders_fts` WHERE rowid = old.id;
END;
