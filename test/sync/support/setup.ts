/** Temporary mirror files and test configuration for the sync suites. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadConfig, type Config } from "../../../src/config.ts";
import { migrateDb, openDb, type Db } from "../../../src/db/connection.ts";

export interface TempMirror {
  db: Db;
  dir: string;
  path: string;
  /** Closes the database and removes the folder. */
  cleanup(): void;
}

export function tempMirror(): TempMirror {
  const dir = mkdtempSync(join(tmpdir(), "reit-sync-"));
  const path = join(dir, "mirror.db");
  const db = openDb(path);
  migrateDb(db);
  return {
    db,
    dir,
    path,
    cleanup() {
      try {
        db.$client.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds a configuration without schedule or startup run unless `env` sets them. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    AUTO_SYNC_ENABLED: "false",
    SYNC_ON_STARTUP: "false",
    LOG_LEVEL: "silent",
    PLANSO_BASE_URL: "http://127.0.0.1:1",
    PLANSO_USERNAME: "werkstatt",
    PLANSO_PASSWORD: "geheim",
    ...env,
  });
}
