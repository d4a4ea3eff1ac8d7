/**
 * Read-path benchmark (`bun run bench:query`): a mirror of 100,000 orders and about
 * 1,000,000 parts in a temp file, the real app on 127.0.0.1, and a load generator in
 * a separate process driving REST endpoints with 16 requests in flight. Prints p50/p99
 * latency and requests per second per query, and the same for a minimal Bun.serve +
 * bun:sqlite handler that runs the plate query with the same SQL: the floor that
 * any framework adds to. The throughput ratio is the median of rounds that alternate
 * the two servers. Targets: p99 under 10 ms each; plate at least half the minimal
 * handler's throughput.
 *
 * Environment: BENCH_ORDERS (100000), BENCH_REQUESTS per query (2000),
 * BENCH_CONCURRENCY (16). Every loop is bounded in count and time; only loopback
 * traffic.
 */
import { Database } from "bun:sqlite";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadConfig } from "../../src/config.ts";
import { migrateDb, openDb } from "../../src/db/connection.ts";
import { plateKey } from "../../src/domain/plate.ts";
import { silentLogger } from "../../src/log.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer } from "../../src/server/start.ts";
import { generateMirror } from "../support/generate-mirror.ts";
import { createStubSync } from "../support/stub-sync.ts";

interface LoadJob {
  base: string;
  paths: string[];
  count: number;
  concurrency: number;
  /** Stop early after this many milliseconds. */
  maxMs: number;
}

interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  failures: number;
  firstFailure: string | null;
}

/** Rounds of plate and minimal handler, alternating, for the throughput ratio. */
const RATIO_ROUNDS = 5;

/** Flag that starts this file as the load generator, a child process of the benchmark. */
const LOADER_FLAG = "--load-generator";

if (process.argv.includes(LOADER_FLAG)) {
  // Clients run in their own process, so the load does too. A loader thread inside
  // the server's process would share its allocator and garbage collector.
  process.on("message", async (job: LoadJob) => {
    process.send!(await runLoad(job));
  });
  process.on("disconnect", () => process.exit(0));
} else {
  await main();
}

/** Sends closed-loop load: `concurrency` callers, each sending its next request when its last response arrived. */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const caller = async () => {
    while (next < job.count && performance.now() - started < job.maxMs) {
      const path = job.paths[next % job.paths.length]!;
      next += 1;
      const t0 = performance.now();
      const response = await fetch(job.base + path);
      await response.arrayBuffer();
      latenciesMs.push(performance.now() - t0);
      if (response.status !== 200) {
        failures += 1;
        firstFailure ??= `${response.status} ${path}`;
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, caller));
  return { latenciesMs, elapsedMs: performance.now() - started, failures, firstFailure };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const orders = Number(process.env.BENCH_ORDERS ?? 100_000);
  const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
  const dir = mkdtempSync(join(tmpdir(), "reit-bench-"));
  const path = join(dir, "mirror.db");
  let delivered: ((result: LoadResult) => void) | null = null;
  const loader = Bun.spawn([process.execPath, import.meta.path, LOADER_FLAG], {
    stdio: ["ignore", "inherit", "inherit"],
    ipc: (message) => delivered?.(message as LoadResult),
  });

  try {
    let t0 = performance.now();
    const writer = openDb(path);
    migrateDb(writer);
    generateMirror(writer, { orders, partsPerOrder: 10, seed: 42 });
    const counts = writer.$client.query<{ o: number; p: number }, []>("SELECT (SELECT count(*) FROM orders) AS o, (SELECT count(*) FROM parts) AS p").get()!;
    writer.$client.close();
    console.log(`mirror: ${counts.o} orders, ${counts.p} parts written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const db = openDb(path, { queryOnly: true });
    const inputs = sampleInputs(db.$client, 300);
    const config = loadConfig({ DATABASE_PATH: path, LOG_LEVEL: "silent" });
    const app = createApp({ db, config, sync: createStubSync(), log: silentLogger, ready: async () => ({ ok: true, checks: {} }) });
    const server = startServer({ app, host: "127.0.0.1", port: 0 });

    const load = (base: string, paths: string[], count: number, inFlight: number) =>
      new Promise<LoadResult>((resolve) => {
        delivered = resolve;
        loader.send({ base, paths, count, concurrency: inFlight, maxMs: 60_000 } satisfies LoadJob);
      });

    const scenarios: Array<[string, string[]]> = [
      ["plate", inputs.plates.map((p) => `/api/orders?plate=${encodeURIComponent(p)}`)],
      ["person", inputs.persons.map((p) => `/api/orders?person=${encodeURIComponent(p)}`)],
      ["phone", inputs.phones.map((p) => `/api/orders?phone=${encodeURIComponent(p)}`)],
      ["q name", inputs.persons.map((w) => `/api/orders?q=${encodeURIComponent(w)}`)],
      ["q one word", inputs.words.map((w) => `/api/orders?q=${encodeURIComponent(w)}`)],
      ["status+date", inputs.statusMonths.map(([s, from, to]) => `/api/orders?status=${encodeURIComponent(s)}&shop_date_from=${from}&shop_date_to=${to}`)],
      ["get-by-id", inputs.ids.map((id) => `/api/orders/${id}`)],
      ["parts-by-order", inputs.ids.map((id) => `/api/orders/${id}/parts`)],
    ];

    console.log(`\n${requests} requests per query at ${concurrency} in flight, then ${Math.round(requests / 4)} at 1 in flight`);
    console.log("matches: total matches / orders on the first page\n");
    console.log(
      `${"query".padEnd(16)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"req/s".padStart(9)}${"p50 @1".padStart(9)}${"p99 @1".padStart(9)}  matches`,
    );
    const results = new Map<string, Row>();
    const measure = async (name: string, base: string, paths: string[]) => {
      await load(base, paths, Math.min(200, requests), concurrency);
      const loaded = await load(base, paths, requests, concurrency);
      const single = await load(base, paths, Math.round(requests / 4), 1);
      const row = report(name, loaded, single, await matches(base + paths[0]!));
      results.set(name, row);
      return row;
    };
    for (const [name, paths] of scenarios) await measure(name, server.url, paths);

    const minimal = startMinimalServer(path);
    const minimalPaths = inputs.plates.map((p) => `/orders?plate=${encodeURIComponent(p)}`);
    await measure("minimal plate", minimal.url, minimalPaths);

    // Throughput drifts with the machine's state over minutes, so the ratio comes from
    // rounds that alternate the two servers, each round comparing neighbours in time.
    const rps = (result: LoadResult) => (result.latenciesMs.length / result.elapsedMs) * 1000;
    const platePaths = scenarios[0]![1];
    const ratios: number[] = [];
    for (let round = 0; round < RATIO_ROUNDS; round++) {
      const plate = rps(await load(server.url, platePaths, requests, concurrency));
      const floor = rps(await load(minimal.url, minimalPaths, requests, concurrency));
      ratios.push(plate / floor);
    }
    minimal.stop();
    await server.stop(true);
    db.$client.close();

    const percents = ratios.map((r) => `${(r * 100).toFixed(0)} %`).join(", ");
    console.log(`\nplate throughput: ${(median(ratios) * 100).toFixed(0)} % of the minimal handler (median of ${RATIO_ROUNDS} alternating rounds: ${percents}; target ≥ 50 %)`);
    for (const [label, key] of [[`${concurrency} in flight`, "p99"], ["1 in flight", "p99Single"]] as const) {
      const slow = [...results].filter(([name, r]) => name !== "minimal plate" && r[key] >= 10).map(([n]) => n);
      console.log(slow.length === 0 ? `p99 under 10 ms for every query at ${label}` : `p99 at or over 10 ms at ${label}: ${slow.join(", ")}`);
    }
  } finally {
    loader.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Row {
  p99: number;
  p99Single: number;
  rps: number;
}

function report(name: string, loaded: LoadResult, single: LoadResult, matchText: string): Row {
  const sorted = [...loaded.latenciesMs].sort((a, b) => a - b);
  const sortedSingle = [...single.latenciesMs].sort((a, b) => a - b);
  const rps = (sorted.length / loaded.elapsedMs) * 1000;
  const row = { p99: percentile(sorted, 99), p99Single: percentile(sortedSingle, 99), rps };
  const failures = loaded.failures + single.failures;
  const failed = failures > 0 ? `  FAILED ${failures} (${loaded.firstFailure ?? single.firstFailure})` : "";
  const cells = [percentile(sorted, 50), row.p99, rps, percentile(sortedSingle, 50), row.p99Single];
  console.log(`${name.padEnd(16)}${cells.map((v, i) => (i === 2 ? v.toFixed(0) : v.toFixed(2)).padStart(9)).join("")}  ${matchText}${failed}`);
  return row;
}

/** Fetches `total/count` for the first path, as a hint how much each query returns. */
async function matches(url: string): Promise<string> {
  const body = (await (await fetch(url)).json()) as { count?: number; total?: number; order?: unknown };
  if (body.order !== undefined) return "1";
  return body.total === undefined ? String(body.count) : `${body.total}/${body.count}`;
}

interface Inputs {
  plates: string[];
  persons: string[];
  phones: string[];
  words: string[];
  statusMonths: Array<[string, string, string]>;
  ids: number[];
}

/** Search inputs as users type them, taken from random orders of the mirror. */
function sampleInputs(sqlite: Database, n: number): Inputs {
  const rows = sqlite
    .query<{ id: number; plate: string | null; person: string | null; phone: string | null; project_status: string | null; shop_date: string | null }, [number]>(
      "SELECT id, plate, person, phone, project_status, shop_date FROM orders WHERE id >= 10001 ORDER BY (id * 2654435761) % 1000003 LIMIT ?",
    )
    .all(n);
  const words = (person: string) => person.replace(",", "").split(/\s+/u).filter(Boolean);
  return {
    plates: rows.flatMap((r) => (r.plate === null ? [] : [r.plate])),
    persons: rows.flatMap((r) => (r.person === null ? [] : [words(r.person).join(" ").toLowerCase()])),
    phones: rows.flatMap((r) => (r.phone === null ? [] : [r.phone])),
    // A surname alone matches about 1 % of the orders: a broad, realistic free-text search.
    words: rows.flatMap((r) => (r.person === null ? [] : [words(r.person)[0]!])),
    statusMonths: rows.flatMap((r) => (r.project_status === null || r.shop_date === null ? [] : [[r.project_status, `${r.shop_date.slice(0, 7)}-01`, `${r.shop_date.slice(0, 7)}-28`] as [string, string, string]])),
    ids: rows.map((r) => r.id),
  };
}

/**
 * Starts the floor: Bun.serve and bun:sqlite with the same two statements the plate
 * search runs (page and total), no validation, no framework.
 */
function startMinimalServer(path: string): { url: string; stop: () => void } {
  const sqlite = new Database(path, { readonly: true });
  const page = sqlite.query(
    "SELECT * FROM orders WHERE plate_key >= ?1 AND plate_key < ?2 AND deleted_at IS NULL ORDER BY shop_date DESC, id DESC LIMIT 51",
  );
  const total = sqlite.query<{ n: number }, [string, string]>("SELECT count(*) AS n FROM orders WHERE plate_key >= ?1 AND plate_key < ?2 AND deleted_at IS NULL");
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const key = plateKey(new URL(request.url).searchParams.get("plate")) ?? "";
      const upper = key.slice(0, -1) + String.fromCodePoint(key.codePointAt(key.length - 1)! + 1);
      const rows = page.all(key, upper);
      return Response.json({ success: true, orders: rows, count: rows.length, total: total.get(key, upper)!.n, next_cursor: null });
    },
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    stop: () => {
      server.stop(true);
      sqlite.close();
    },
  };
}
