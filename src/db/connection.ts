import { Database } from "bun:sqlite";
import { drizzle, type BunSQLiteDatabase } from "drizzle-orm/bun-sqlite";

import { embeddedMigrations } from "./migrations.ts";
import * as schema from "./schema.ts";

export type Db = BunSQLiteDatabase<typeof schema> & { $client: Database };

export interface OpenDbOptions {
  /** Open read-only; the database file must exist. */
  readonly?: boolean;
  /**
   * Rejects every write on this connection (`PRAGMA query_only`). The main thread
   * sets it because the sync worker is the only writer. Unlike `readonly`, it still
   * creates the WAL index files when they are missing.
   */
  queryOnly?: boolean;
  /** Milliseconds a statement waits for a lock before `SQLITE_BUSY`. */
  busyTimeoutMs?: number;
}

/**
 * Opens the mirror with the pragmas every connection needs. `bun:sqlite` defaults to
 * a busy timeout of 0, so without `busy_timeout` a reader fails at once while the
 * writer checkpoints.
 */
export function openDb(path: string, options: OpenDbOptions = {}): Db {
  const sqlite = options.readonly
    ? new Database(path, { readonly: true })
    : new Database(path, { create: true, readwrite: true });
  if (!options.readonly) sqlite.exec("PRAGMA journal_mode = WAL");
  sqlite.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  sqlite.exec("PRAGMA synchronous = NORMAL");
  sqlite.exec("PRAGMA foreign_keys = ON");
  if (options.queryOnly) sqlite.exec("PRAGMA query_only = ON");
  return drizzle({ client: sqlite, schema }) as Db;
}

/** Creates a new database or upgrades an old one to the embedded migrations. */
export function migrateDb(db: Db): void {
  const migrator = db as unknown as {
    dialect: { migrate(migrations: unknown, session: unknown, config: unknown): void };
    session: unknown;
  };
  migrator.dialect.migrate(embeddedMigrations(), migrator.session, { migrationsFolder: "(embedded)" });
}

/** Number of embedded migrations the database has applied; used by `/ready`. */
export function appliedMigrationCount(db: Db): number {
  const row = db.$client
    .query<{ n: number }, []>("SELECT count(*) AS n FROM __drizzle_migrations")
    .get();
  return row?.n ?? 0;
}
