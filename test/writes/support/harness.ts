/**
 * The connector's write path end to end. It runs the simulator on loopback, a real
 * SQLite file in a temp folder, the in-process sync with the write executor (the same
 * host the worker runs), and the app over HTTP on 127.0.0.1 port 0. The mirror is
 * synced once first, so writes start from a mirror equal to PlanSo.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";

import type { Config } from "../../../src/config.ts";
import { migrateDb, openDb, type Db } from "../../../src/db/connection.ts";
import { changes } from "../../../src/db/schema.ts";
import { silentLogger } from "../../../src/log.ts";
import type { PlansoClientOptions } from "../../../src/planso/client.ts";
import type { PlansoApi } from "../../../src/planso/types.ts";
import { createApp } from "../../../src/server/app.ts";
import { startServer } from "../../../src/server/start.ts";
import type { RunningSimulator, SimulatorOptions } from "../../../src/simulator/index.ts";
import { createInProcessSync, type InProcessSync } from "../../../src/sync/in-process.ts";
import { clientFor, startTestSimulator, USER } from "../../sync/support/simulated.ts";
import { testConfig } from "../../sync/support/setup.ts";

export interface WriteHarness {
  sim: RunningSimulator;
  /** Base URL of the app, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The sync side's read-write connection (the executor writes through it). */
  db: Db;
  sync: InProcessSync;
  config: Config;
  /** Starts a second app on the same mirror and sync with other settings. */
  startApp(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  simulator?: SimulatorOptions;
  client?: Partial<PlansoClientOptions>;
  /** Wraps the PlanSo client that the sync and the writes share, e.g. to hold a read. */
  wrapClient?: (client: PlansoApi) => PlansoApi;
  env?: Record<string, string>;
}

export async function startWriteHarness(options: HarnessOptions = {}): Promise<WriteHarness> {
  const sim = await startTestSimulator({ seed: 11, orders: 30, archived: 0, ...options.simulator });
  const dir = mkdtempSync(join(tmpdir(), "reit-writes-"));
  const path = join(dir, "mirror.db");
  const db = openDb(path);
  migrateDb(db);
  const env = {
    DATABASE_PATH: path,
    PLANSO_BASE_URL: sim.url,
    PLANSO_USERNAME: USER.username,
    PLANSO_PASSWORD: USER.password,
    ...options.env,
  };
  const config = testConfig(env);
  const client = clientFor(sim, { retryBaseMs: 5, retryMaxMs: 20, maxRetries: 1, ...options.client });
  const sync = createInProcessSync({
    db,
    client: options.wrapClient?.(client) ?? client,
    config,
    log: silentLogger,
    schedule: false,
  });
  const first = await sync.runOnce({ with_parts: true });
  if (first.status !== "succeeded") throw new Error(`the first sync ended ${first.status}: ${first.error}`);

  const servers: Array<() => Promise<void>> = [];
  const startApp = async (extra: Record<string, string>) => {
    const appConfig = testConfig({ ...env, ...extra });
    const reader = openDb(path, { queryOnly: true });
    const app = createApp({ db: reader, config: appConfig, sync, log: silentLogger, ready: async () => ({ ok: true, checks: {} }), checkOutputs: true });
    const server = startServer({ app, host: "127.0.0.1", port: 0 });
    let stopped: Promise<void> | null = null;
    const stop = () =>
      (stopped ??= (async () => {
        await server.stop(true);
        reader.$client.close();
      })());
    servers.push(stop);
    return { url: server.url, stop };
  };
  const main = await startApp({});

  return {
    sim,
    url: main.url,
    db,
    sync,
    config,
    startApp,
    async stop() {
      for (const stop of servers.reverse()) await stop();
      await sync.stop({ deadlineMs: 2000 });
      db.$client.close();
      await sim.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

/** Sends a JSON request to the REST API and parses the JSON response. */
export async function rest(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  const response = await fetch(`${url}/api${path}`, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** Rows of the change log, in order. */
export function changeRows(db: Db) {
  return db.select().from(changes).orderBy(changes.id).all();
}

export function changeCount(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(changes).get()!.n;
}
