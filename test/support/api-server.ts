/**
 * A real server over a real SQLite file for API tests: temp directory, migrated
 * mirror, generated orders plus the fixtures, the app on 127.0.0.1 port 0.
 * `stop()` stops the server, closes the database and removes the directory.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadConfig, type Config } from "../../src/config.ts";
import { migrateDb, openDb, type Db } from "../../src/db/connection.ts";
import { createLogger, silentLogger, type Logger } from "../../src/log.ts";
import { createApp, type ReadyReport } from "../../src/server/app.ts";
import { startServer } from "../../src/server/start.ts";
import { generateMirror } from "./generate-mirror.ts";
import { createStubSync, type StubSync } from "./stub-sync.ts";

export interface TestServer {
  url: string;
  db: Db;
  sync: StubSync;
  config: Config;
  /** Every id in the mirror, fixtures first. */
  ids: number[];
  /** Log lines written while the server ran (when `captureLogs`). */
  logs: Record<string, unknown>[];
  ready: { report: ReadyReport };
  stop(): Promise<void>;
}

export interface TestServerOptions {
  orders?: number;
  partsPerOrder?: number;
  env?: Record<string, string>;
  captureLogs?: boolean;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "reit-api-"));
  const db = openDb(join(dir, "mirror.db"));
  migrateDb(db);
  const { ids } = generateMirror(db, { orders: options.orders ?? 200, partsPerOrder: options.partsPerOrder ?? 4, seed: 7 });
  const config = loadConfig({ DATABASE_PATH: join(dir, "mirror.db"), ...options.env });
  const sync = createStubSync();
  const logs: Record<string, unknown>[] = [];
  const log: Logger = options.captureLogs
    ? createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) })
    : silentLogger;
  const ready = { report: { ok: true, checks: { database: true, migrations: true, worker: true } } as ReadyReport };
  const app = createApp({ db, config, sync, log, ready: async () => ready.report, checkOutputs: true });
  const server = startServer({ app, host: "127.0.0.1", port: 0 });
  return {
    url: server.url,
    db,
    sync,
    config,
    ids,
    logs,
    ready,
    stop: async () => {
      await server.stop(true);
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
