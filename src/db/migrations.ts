/**
 * Migrations embedded in the program. Drizzle's own `migrate()` reads a folder, which
 * does not exist inside a compiled binary, so the SQL files are imported as text and
 * fed to the same dialect migrator. A new migration from `drizzle-kit generate` needs
 * one import and one entry in `SQL_BY_TAG`; a test fails until it is there.
 */
import type { MigrationMeta } from "drizzle-orm/migrator";

import journal from "../../drizzle/meta/_journal.json";
import init from "../../drizzle/0000_init.sql" with { type: "text" };
import fts from "../../drizzle/0001_fts.sql" with { type: "text" };
import liveIndexes from "../../drizzle/0002_live_indexes.sql" with { type: "text" };
import ftsVehicle from "../../drizzle/0003_fts_vehicle.sql" with { type: "text" };
import ftsPrefixes from "../../drizzle/0004_fts_prefixes.sql" with { type: "text" };

export const SQL_BY_TAG: Record<string, string> = {
  "0000_init": init,
  "0001_fts": fts,
  "0002_live_indexes": liveIndexes,
  "0003_fts_vehicle": ftsVehicle,
  "0004_fts_prefixes": ftsPrefixes,
};

export const JOURNAL_TAGS: string[] = journal.entries.map((entry) => entry.tag);

export function embeddedMigrations(): MigrationMeta[] {
  return journal.entries.map((entry) => {
    const query = SQL_BY_TAG[entry.tag];
    if (query === undefined) {
      throw new Error(`Migration ${entry.tag} is in drizzle/meta/_journal.json but not embedded in src/db/migrations.ts`);
    }
    return {
      sql: query.split("--> statement-breakpoint"),
      bps: entry.breakpoints,
      folderMillis: entry.when,
      hash: new Bun.CryptoHasher("sha256").update(query).digest("hex"),
    };
  });
}
