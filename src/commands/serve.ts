/**
 * `reit serve`: the connector. Migrates the mirror, starts the sync worker (the only
 * SQLite writer and PlanSo caller), and serves the read side and the write commands
 * over HTTP. SIGTERM and SIGINT stop it gracefully within the shutdown deadline.
 */
import type { Config } from "../config.ts";
import { appliedMigrationCount, migrateDb, openDb, type Db } from "../db/connection.ts";
import { embeddedMigrations } from "../db/migrations.ts";
import type { Logger } from "../log.ts";
import { createApp, type ReadyReport } from "../server/app.ts";
import { assertSafeBinding, isLoopbackHost } from "../server/auth.ts";
import { createMetrics } from "../server/metrics.ts";
import { startServer } from "../server/start.ts";
import { startSyncWorker, type WorkerSyncHandle } from "../sync/handle.ts";

export interface RunningConnector {
  url: string;
  db: Db;
  sync: WorkerSyncHandle;
  /** Stops HTTP, then the worker, then closes the mirror; resolves within the deadline. */
  stop(): Promise<void>;
}

export async function startConnector(config: Config, log: Logger, workerUrl: URL): Promise<RunningConnector> {
  assertSafeBinding(config, config.host);
  if (config.apiKeys.length === 0) {
    log.warn("auth_disabled", {
      message: isLoopbackHost(config.host)
        ? `No API_KEYS configured: every caller gets admin rights, so reit listens on ${config.host} only.`
        : `No API_KEYS configured and ALLOW_UNAUTHENTICATED=true: every caller on ${config.host} gets admin rights.`,
    });
  }

  const writer = openDb(config.databasePath);
  migrateDb(writer);
  writer.$client.close();
  const db = openDb(config.databasePath, { queryOnly: true });
  const expectedMigrations = embeddedMigrations().length;

  const sync = startSyncWorker({ config, workerUrl, log: log.child({ component: "sync" }) });
  await sync.ready();

  const ready = async (): Promise<ReadyReport> => {
    const checks: ReadyReport["checks"] = { database: false, migrations: false, worker: sync.isAlive() };
    try {
      db.$client.query("SELECT 1").get();
      checks.database = true;
      const applied = appliedMigrationCount(db);
      checks.migrations = applied === expectedMigrations ? true : `${applied} of ${expectedMigrations} applied`;
    } catch (error) {
      checks.database = error instanceof Error ? error.message : String(error);
    }
    return { ok: Object.values(checks).every((value) => value === true), checks };
  };

  const metrics = createMetrics({ db, upstreamStats: () => sync.upstreamStats() });
  const app = createApp({ db, config, sync, log, ready, metrics });
  const server = startServer({ app, host: config.host, port: config.port });
  log.info("server_started", {
    url: server.url,
    database: config.databasePath,
    planso: config.planso.baseUrl,
    auth: config.apiKeys.length > 0 ? "api_keys" : "none (loopback only)",
  });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      log.info("shutdown_started", { deadline_ms: config.shutdownTimeoutMs });
      await server.stop();
      await sync.stop({ deadlineMs: config.shutdownTimeoutMs });
      db.$client.close();
      log.info("shutdown_finished");
    })());

  return { url: server.url, db, sync, stop };
}

/** Stops the connector on SIGTERM or SIGINT; exits 0 when done, 1 after the deadline. */
export function stopOnSignals(stop: () => Promise<void>, deadlineMs: number, log: Logger): void {
  let received = false;
  const onSignal = (signal: string) => {
    if (received) return;
    received = true;
    log.info("signal_received", { signal });
    const timer = setTimeout(() => {
      log.error("shutdown_timed_out", { deadline_ms: deadlineMs });
      process.exit(1);
    }, deadlineMs + 2000);
    stop().then(
      () => {
        clearTimeout(timer);
        process.exit(0);
      },
      (error: unknown) => {
        log.error("shutdown_failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
}

export async function runServe(config: Config, log: Logger, workerUrl: URL): Promise<void> {
  const connector = await startConnector(config, log, workerUrl);
  stopOnSignals(connector.stop, config.shutdownTimeoutMs, log);
}
