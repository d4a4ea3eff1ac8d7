-- Full-text index over the searchable order fields, kept in step by triggers.
-- unicode61 with remove_diacritics 2 folds ü to u; person_search adds the ue spelling.
CREATE VIRTUAL TABLE `orders_fts` USING fts5(
  plate, person, phone, email, short_name, vin, project_status, damage, parts_status, remarks,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `orders_fts_insert` AFTER INSERT ON `orders` BEGIN
  INSERT INTO `orders_fts` (rowid, plate, person, phone, email, short_name, vin, project_status, damage, parts_status, remarks)
  VALUES (
    new.id,
    coalesce(new.plate, '') || ' ' || coalesce(new.plate_key, ''),
    coalesce(new.person_search, ''),
    coalesce(new.phone, '') || ' ' || coalesce(new.phone_search, ''),
    coalesce(new.email, ''),
    coalesce(new.short_name, ''),
    coalesce(json_extract(new.vehicle, '$.vin'), ''),
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
  INSERT INTO `orders_fts` (rowid, plate, person, phone, email, short_name, vin, project_status, damage, parts_status, remarks)
  VALUES (
    new.id,
    coalesce(new.plate, '') || ' ' || coalesce(new.plate_key, ''),
    coalesce(new.person_search, ''),
    coalesce(new.phone, '') || ' ' || coalesce(new.phone_search, ''),
    coalesce(new.email, ''),
    coalesce(new.short_name, ''),
    coalesce(json_extract(new.vehicle, '$.vin'), ''),
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
