/**
 * A simulated PlanSo tenant and the environment of a connector process pointed at it,
 * shared by the end-to-end and operations tests.
 */
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.ts";
import { baseEnv, spawnCollected, type Collected } from "./e2e-process.ts";

export interface PlansoLogin {
  username: string;
  password: string;
}

export interface E2eKeys {
  read: string;
  write: string;
  admin: string;
}

/** Secrets of at least 16 characters, as API_KEYS requires. */
export const E2E_KEYS: E2eKeys = {
  read: "e2e-read-secret-7f3a91c4",
  write: "e2e-write-secret-2b8d60e5",
  admin: "e2e-admin-secret-c15e94a7",
};

export function apiKeysValue(keys: E2eKeys): string {
  return `crm:read:${keys.read},werkstatt:write:${keys.write},ops:admin:${keys.admin}`;
}

export async function startE2eSimulator(options: { orders: number; seed: number; login: PlansoLogin }): Promise<RunningSimulator> {
  return startSimulator({ orders: options.orders, archived: 10, seed: options.seed, users: [options.login] });
}

/**
 * Environment of `reit serve` against a simulator: loopback, a port the OS picks,
 * a mirror file in the working directory and no upstream rate limit worth waiting
 * for. `extra` overrides any of it.
 */
export function connectorEnv(sim: { url: string }, login: PlansoLogin, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...baseEnv(),
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_PATH: "./reit.db",
    PLANSO_BASE_URL: sim.url,
    PLANSO_USERNAME: login.username,
    PLANSO_PASSWORD: login.password,
    PLANSO_CONCURRENCY: "4",
    PLANSO_MAX_REQUESTS_PER_SECOND: "1000",
    SYNC_ON_STARTUP: "true",
    API_KEYS: apiKeysValue(E2E_KEYS),
    LOG_LEVEL: "info",
    ...extra,
  };
}

export interface ConnectorProcess {
  child: Collected;
  /** Base URL from the `server_started` log line, e.g. `http://127.0.0.1:40123`. */
  url: string;
}

/** Spawns `cmd` (a `serve` command line) and waits for its `server_started` log line. */
export async function spawnConnector(cmd: string[], options: { cwd: string; env: Record<string, string> }): Promise<ConnectorProcess> {
  const child = spawnCollected(cmd, options);
  const started = await child.waitForEvent("server_started", 15_000);
  return { child, url: String(started.url) };
}

/** Polls `/api/sync/status` until the last run has finished; returns that run. */
export async function waitForSyncRun(url: string, key: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const deadline = performance.now() + timeoutMs;
  let status: Record<string, unknown> = {};
  while (performance.now() < deadline) {
    const response = await fetch(`${url}/api/sync/status`, { headers: { authorization: `Bearer ${key}` } });
    status = (await response.json()) as Record<string, unknown>;
    const lastRun = status.last_run as Record<string, unknown> | null | undefined;
    if (status.running === false && lastRun != null) return lastRun;
    await Bun.sleep(100);
  }
  throw new Error(`no sync run finished within ${timeoutMs} ms; last status: ${JSON.stringify(status)}`);
}
