CREATE INDEX `orders_live_shop_date_idx` ON `orders` (`shop_date`,`missing_parts`,`on_board`) WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `orders_live_status_idx` ON `orders` (`status_key`,`shop_date`) WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `orders_live_damage_idx` ON `orders` (`damage_key`,`shop_date`) WHERE "orders"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `orders_deleted_idx` ON `orders` (`deleted_at`) WHERE "orders"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_email_lower_idx` ON `orders` (`email_lower`);