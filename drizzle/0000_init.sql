CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`run_id` integer,
	`changed_fields` text NOT NULL,
	`version_after` integer
);
--> statement-breakpoint
CREATE INDEX `changes_order_idx` ON `changes` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `changes_at_idx` ON `changes` (`at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text NOT NULL,
	`principal` text NOT NULL,
	`body_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`principal`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`short_name` text,
	`plate` text,
	`person` text,
	`phone` text,
	`email` text,
	`damage` text,
	`project_status` text,
	`customer_category` integer,
	`station_id` integer,
	`station_state` text,
	`employee_id` text,
	`board_position` integer,
	`on_board` integer DEFAULT true NOT NULL,
	`shop_date` text,
	`repair_date` text,
	`finish_date` text,
	`planned_delivery_date` text,
	`parts_status` text,
	`missing_parts` integer DEFAULT false NOT NULL,
	`est_hours_karo` real,
	`est_hours_lack` real,
	`est_hours_mech` real,
	`vehicle` text NOT NULL,
	`details` text NOT NULL,
	`fields` text NOT NULL,
	`extended` text,
	`parts_totals` text,
	`plate_key` text,
	`person_search` text,
	`phone_rev` text,
	`phone_search` text,
	`email_lower` text,
	`status_key` text,
	`damage_key` text,
	`content_hash` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`first_seen_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`last_synced_at` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `orders_plate_key_idx` ON `orders` (`plate_key`);--> statement-breakpoint
CREATE INDEX `orders_phone_rev_idx` ON `orders` (`phone_rev`);--> statement-breakpoint
CREATE INDEX `orders_status_key_idx` ON `orders` (`status_key`);--> statement-breakpoint
CREATE INDEX `orders_damage_key_idx` ON `orders` (`damage_key`);--> statement-breakpoint
CREATE INDEX `orders_shop_date_idx` ON `orders` (`shop_date`,`id`);--> statement-breakpoint
CREATE INDEX `orders_repair_date_idx` ON `orders` (`repair_date`,`id`);--> statement-breakpoint
CREATE INDEX `orders_finish_date_idx` ON `orders` (`finish_date`,`id`);--> statement-breakpoint
CREATE INDEX `orders_updated_at_idx` ON `orders` (`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`position` integer NOT NULL,
	`row_id` text NOT NULL,
	`part_id` text,
	`part_no` text,
	`part_no_key` text,
	`description` text,
	`lead_no` text,
	`order_no` text,
	`qty` real,
	`price_each` real,
	`price_total` real,
	`status` text,
	`status_code` text,
	`order_date` text,
	`delivery_date` text,
	`eta_date` text,
	`is_missing` integer NOT NULL,
	`is_to_order` integer NOT NULL,
	`is_ordered` integer NOT NULL,
	`is_delivered` integer NOT NULL,
	`is_backorder` integer NOT NULL,
	`is_mandatory` integer NOT NULL,
	`is_price_checked` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parts_order_row_idx` ON `parts` (`order_id`,`row_id`);--> statement-breakpoint
CREATE INDEX `parts_order_position_idx` ON `parts` (`order_id`,`position`);--> statement-breakpoint
CREATE INDEX `parts_missing_idx` ON `parts` (`is_missing`,`order_id`);--> statement-breakpoint
CREATE INDEX `parts_backorder_idx` ON `parts` (`is_backorder`,`order_id`);--> statement-breakpoint
CREATE INDEX `parts_eta_idx` ON `parts` (`eta_date`);--> statement-breakpoint
CREATE INDEX `parts_part_no_key_idx` ON `parts` (`part_no_key`);--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trigger` text NOT NULL,
	`options` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`seen` integer DEFAULT 0 NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`left_board` integer DEFAULT 0 NOT NULL,
	`returned_to_board` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`parts_written` integer DEFAULT 0 NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`progress_done` integer DEFAULT 0 NOT NULL,
	`progress_total` integer DEFAULT 0 NOT NULL,
	`error` text,
	`failed_orders` text
);
--> statement-breakpoint
CREATE INDEX `sync_runs_status_idx` ON `sync_runs` (`status`);--> statement-breakpoint
CREATE INDEX `sync_runs_started_idx` ON `sync_runs` (`started_at`);