import { describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { appliedMigrationCount, migrateDb, openDb } from "../../src/db/connection.ts";
import { JOURNAL_TAGS, SQL_BY_TAG } from "../../src/db/migrations.ts";

describe("embedded migrations", () => {
  test("every journal entry and SQL file is embedded", () => {
    const files = readdirSync(join(import.meta.dir, "../../drizzle"))
      .filter((name) => name.endsWith(".sql"))
      .map((name) => name.replace(/\.sql$/u, ""))
      .sort();
    expect(JOURNAL_TAGS.length).toBeGreaterThan(0);
    expect([...JOURNAL_TAGS].sort()).toEqual(files);
    for (const tag of JOURNAL_TAGS) expect(SQL_BY_TAG[tag]).toBeString();
  });

  test("create a new database from nothing, twice", () => {
    const dir = mkdtempSync(join(tmpdir(), "reit-migrate-"));
    try {
      const path = join(dir, "new.db");
      const db = openDb(path);
      migrateDb(db);
      expect(appliedMigrationCount(db)).toBe(JOURNAL_TAGS.length);
      migrateDb(db);
      expect(appliedMigrationCount(db)).toBe(JOURNAL_TAGS.length);
      db.$client.close();

      const again = openDb(path);
      migrateDb(again);
      expect(appliedMigrationCount(again)).toBe(JOURNAL_TAGS.length);
      const tables = again.$client
        .query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'orders_fts_%' ORDER BY name")
        .all()
        .map((row) => row.name);
      expect(tables).toEqual(["__drizzle_migrations", "changes", "idempotency_keys", "orders", "orders_fts", "parts", "sqlite_sequence", "sync_runs"]);
      const indexes = again.$client
        .query<{ name: string }, []>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'orders_live_%' ORDER BY name")
        .all()
        .map((row) => row.name);
      expect(indexes).toEqual(["orders_live_damage_idx", "orders_live_shop_date_idx", "orders_live_status_idx"]);
      again.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
