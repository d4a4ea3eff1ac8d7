/**
 * `reit demo`: a simulated PlanSo tenant and the connector pointed at it, synced and
 * serving, for a first look without a PlanSo account. Both listen on 127.0.0.1 only.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";

import { loadConfig } from "../config.ts";
import { createLogger, type Logger } from "../log.ts";
import { startSimulator } from "../simulator/index.ts";
import { startConnector, stopOnSignals } from "./serve.ts";

export interface DemoOptions {
  orders: number;
  seed: number;
  port: number | undefined;
  database: string;
}

export function parseDemoArgs(argv: string[]): DemoOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: "string", default: "300" },
      seed: { type: "string", default: "7" },
      port: { type: "string" },
      database: { type: "string", default: "./reit-demo.db" },
    },
    strict: true,
  });
  const whole = (name: string, value: string, min: number, max: number) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      throw new Error(`--${name} ${JSON.stringify(value)} is invalid: expected a whole number from ${min} to ${max}`);
    }
    return parsed;
  };
  return {
    orders: whole("orders", values.orders, 1, 100_000),
    seed: whole("seed", values.seed, 0, 2 ** 31 - 1),
    port: values.port === undefined ? undefined : whole("port", values.port, 0, 65535),
    database: values.database,
  };
}

export async function runDemo(argv: string[], workerUrl: URL, env: Record<string, string | undefined> = process.env) {
  const options = parseDemoArgs(argv);
  const password = Buffer.from(crypto.getRandomValues(new Uint8Array(15))).toString("base64url");
  const baseLog = createLogger({ level: env.LOG_LEVEL === "debug" || env.LOG_LEVEL === "info" ? env.LOG_LEVEL : "warn" });

  const simulator = await startSimulator({
    orders: options.orders,
    archived: Math.round(options.orders / 3),
    seed: options.seed,
    users: [{ username: "demo", password }],
    now: new Date().toISOString(),
    clock: "realtime",
    // A little latency keeps the demo honest without making the first sync slow.
    latency: { medianMs: 5, p95Ms: 40 },
    logger: baseLog,
  });

  // The demo database is rebuilt at every start so it always matches the new tenant.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(options.database + suffix, { force: true });
  const config = loadConfig({
    ...env,
    HOST: "127.0.0.1",
    PORT: String(options.port ?? env.PORT ?? 8102),
    DATABASE_PATH: options.database,
    PLANSO_BASE_URL: simulator.url,
    PLANSO_USERNAME: "demo",
    PLANSO_PASSWORD: password,
    PLANSO_CONCURRENCY: env.PLANSO_CONCURRENCY ?? "4",
    PLANSO_MAX_REQUESTS_PER_SECOND: env.PLANSO_MAX_REQUESTS_PER_SECOND ?? "200",
    SYNC_ON_STARTUP: "false",
    API_KEYS: "",
    // The demo prints its own summary; the JSON log shows only problems unless asked.
    LOG_LEVEL: env.LOG_LEVEL ?? "warn",
  });
  const log: Logger = createLogger({ level: config.logLevel });

  const connector = await startConnector(config, log, workerUrl);
  const stop = async () => {
    await connector.stop();
    await simulator.stop();
    process.stdout.write("Stopped.\n");
  };
  stopOnSignals(stop, config.shutdownTimeoutMs, log);

  const print = (line = "") => process.stdout.write(`${line}\n`);
  print(`Simulated PlanSo tenant: ${simulator.url} (user demo, ${options.orders} orders, seed ${options.seed})`);
  print("First sync running …");
  const started = performance.now();
  const trigger = await connector.sync.trigger({ trigger: "startup" });
  await connector.sync.waitForRun(trigger.run_id, 10 * 60_000);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = connector.db.$client
    .query<{ orders: number; parts: number }, []>(
      "SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM parts) AS parts",
    )
    .get();
  const sample = connector.db.$client
    .query<{ id: number; plate: string | null; person: string | null }, []>(
      "SELECT id, plate, person FROM orders WHERE plate IS NOT NULL AND person IS NOT NULL ORDER BY id LIMIT 1",
    )
    .get();

  const url = connector.url;
  const person = sample?.person?.split(/[ ,]+/).findLast((word) => /^\p{L}{3,}$/u.test(word)) ?? "mueller";
  print(`Synced ${counts?.orders ?? 0} orders and ${counts?.parts ?? 0} parts in ${seconds} s.`);
  print();
  print(`reit is serving on ${url}`);
  print(`  API reference: ${url}/docs`);
  print(`  OpenAPI 3.1:   ${url}/openapi.json`);
  print();
  print("Try:");
  print(`  curl '${url}/api/orders?plate=${encodeURIComponent(sample?.plate ?? "D-XY 1234")}'`);
  print(`  curl '${url}/api/orders?person=${encodeURIComponent(person.toLowerCase())}&limit=5'`);
  print(`  curl '${url}/api/orders/${sample?.id ?? 10001}/parts/status'`);
  print();
  print("Stop with Ctrl-C.");
}
