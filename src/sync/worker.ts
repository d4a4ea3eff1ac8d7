/**
 * Entry of the sync worker (a Bun Worker). It owns the only read-write connection to
 * the mirror and the only PlanSo client, hosts the schedule and the engine, and talks
 * to the main thread by the messages of `messages.ts`. The first command must be
 * `init` with the configuration.
 *
 * Order writes go to the write-through executor, one at a time.
 */
import type { Config } from "../config.ts";
import { migrateDb, openDb, type Db } from "../db/connection.ts";
import { createLogger, type Logger } from "../log.ts";
import type { PlansoApi } from "../planso/types.ts";
import { clientFromConfig } from "./client-from-config.ts";
import { systemClock } from "./clock.ts";
import { createSyncHost, toErrorPayload, type SyncHost } from "./host.ts";
import { parseCommand, type Command, type SyncEvent } from "./messages.ts";
import { executeWrite } from "./write-executor.ts";

declare const self: Worker;

interface Hosted {
  host: SyncHost;
  db: Db;
  api: PlansoApi;
  log: Logger;
}

let hosted: Hosted | null = null;

const post = (event: SyncEvent) => self.postMessage(event);

function init(config: Config): Hosted {
  const log = createLogger({ level: config.logLevel, bindings: { thread: "sync" } });
  const db = openDb(config.databasePath);
  migrateDb(db);
  const api = clientFromConfig(config, log);
  const host = createSyncHost({ db, api, config, clock: systemClock, log, handleWrite: executeWrite, onEvent: post });
  host.start();
  log.info("sync_worker_started", { database: config.databasePath });
  return { host, db, api, log };
}

async function shutdown(current: Hosted): Promise<void> {
  await current.host.stop();
  try {
    await current.api.logout();
  } catch (error) {
    current.log.warn("planso_logout_failed", { error });
  }
  current.db.$client.close();
  current.log.info("sync_worker_stopped");
}

async function handle(command: Command): Promise<void> {
  if (command.type === "init") {
    if (hosted) throw new Error("the sync worker is already initialised");
    hosted = init(command.config as unknown as Config);
    post({ type: "ready", state: hosted.host.state() });
    return;
  }
  const current = hosted;
  if (!current) throw new Error(`the sync worker got ${command.type} before init`);
  switch (command.type) {
    case "trigger":
      post({ type: "triggered", requestId: command.requestId, result: current.host.trigger(command.options) });
      return;
    case "login":
      post({ type: "login_result", requestId: command.requestId, session: await current.host.login() });
      return;
    case "write":
      post({ type: "write_result", requestId: command.requestId, ok: true, result: await current.host.write(command.payload) });
      return;
    case "stop":
      await current.host.stop();
      post({ type: "stopped", requestId: command.requestId });
      return;
    case "shutdown":
      hosted = null;
      await shutdown(current);
      post({ type: "stopped", requestId: command.requestId });
      return;
  }
}

self.onmessage = (event: MessageEvent) => {
  let command: Command;
  try {
    command = parseCommand(event.data);
  } catch (error) {
    post({ type: "error", error: toErrorPayload(error) });
    return;
  }
  handle(command).catch((error: unknown) => {
    hosted?.log.warn("sync_command_failed", { command: command.type, error });
    post({ type: "error", requestId: "requestId" in command ? command.requestId : undefined, error: toErrorPayload(error) });
    // A worker that cannot start (database or configuration unusable) ends, so the
    // main thread starts a new one with a growing delay instead of waiting forever.
    if (command.type === "init" && !hosted) process.exit(1);
  });
};
