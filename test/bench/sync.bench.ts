/**
 * Sync throughput: 1,000 orders with parts from the simulator at a fixed 50 ms per
 * request, 8 requests in flight, no upstream rate limit. Prints, for a first sync and
 * for an unchanged re-sync: elapsed time, the lower bound (requests × latency ÷
 * concurrency), their ratio, requests, rows written and the peak resident set size.
 * Target: within 1.3× of the lower bound, and no row written by the re-sync.
 *
 * Run with `bun run bench:sync`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadConfig } from "../../src/config.ts";
import { migrateDb, openDb } from "../../src/db/connection.ts";
import { silentLogger } from "../../src/log.ts";
import { createPlansoClient } from "../../src/planso/client.ts";
import { DEFAULT_LABEL_RULES } from "../../src/planso/labels.ts";
import type { RunSummary } from "../../src/sync/engine.ts";
import { createInProcessSync } from "../../src/sync/in-process.ts";

const ORDERS = 1000;
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const TARGET_RATIO = 1.3;
const USER = { username: "bench", password: "nur-für-den-benchmark" };
const SIMULATOR = { seed: 42, orders: ORDERS, archived: 0, users: [USER], latency: { medianMs: LATENCY_MS, p95Ms: LATENCY_MS } };

/**
 * Starts the simulator in its own process, as PlanSo runs on its own server, so its
 * HTML rendering does not compete with the sync for this thread.
 */
async function startSimulatorProcess(): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `
    import { startSimulator } from ${JSON.stringify(new URL("../../src/simulator/index.ts", import.meta.url).pathname)};
    import { silentLogger } from ${JSON.stringify(new URL("../../src/log.ts", import.meta.url).pathname)};
    const sim = await startSimulator({ ...${JSON.stringify(SIMULATOR)}, logger: silentLogger });
    console.log(sim.url);
  `;
  const child = Bun.spawn([process.execPath, "--eval", script], { stdout: "pipe", stderr: "inherit" });
  const reader = child.stdout.getReader();
  let text = "";
  while (!text.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("the simulator process ended before it printed its URL");
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return {
    url: text.trim(),
    async stop() {
      child.kill();
      await child.exited;
    },
  };
}

const sim = await startSimulatorProcess();
const dir = mkdtempSync(join(tmpdir(), "reit-bench-sync-"));
const db = openDb(join(dir, "mirror.db"));
migrateDb(db);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

try {
  const config = loadConfig({
    DATABASE_PATH: join(dir, "mirror.db"),
    PLANSO_BASE_URL: sim.url,
    PLANSO_CONCURRENCY: String(CONCURRENCY),
    PLANSO_MAX_REQUESTS_PER_SECOND: "1000",
    AUTO_SYNC_ENABLED: "false",
    SYNC_ON_STARTUP: "false",
    LOG_LEVEL: "silent",
  });
  const client = createPlansoClient({
    baseUrl: sim.url,
    username: USER.username,
    password: USER.password,
    formTableId: config.planso.formTableId,
    labelRules: [...DEFAULT_LABEL_RULES],
    concurrency: CONCURRENCY,
    maxRequestsPerSecond: 1000,
    timeoutMs: 10_000,
    maxRetries: 3,
    writesEnabled: false,
    log: silentLogger,
  });
  const sync = createInProcessSync({ db, client, config, log: silentLogger, schedule: false });

  const measure = async (label: string): Promise<{ summary: RunSummary; ratio: number }> => {
    peakRss = process.memoryUsage().rss;
    const started = performance.now();
    const summary = await sync.runOnce({ with_parts: true, with_extended: false });
    const elapsedMs = performance.now() - started;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const requests = summary.counts.requests;
    const lowerBoundMs = (requests * LATENCY_MS) / CONCURRENCY;
    const ratio = elapsedMs / lowerBoundMs;
    console.log(
      [
        `${label}: status ${summary.status}`,
        `  elapsed        ${(elapsedMs / 1000).toFixed(2)} s`,
        `  lower bound    ${(lowerBoundMs / 1000).toFixed(2)} s (${requests} requests × ${LATENCY_MS} ms ÷ ${CONCURRENCY})`,
        `  ratio          ${ratio.toFixed(3)} (target ≤ ${TARGET_RATIO})`,
        `  requests       ${requests}`,
        `  rows written   ${summary.rowsWritten} (order and change rows ${summary.rowsWritten - summary.counts.parts_written}, part rows ${summary.counts.parts_written})`,
        `  peak RSS       ${(peakRss / 1024 / 1024).toFixed(1)} MiB`,
      ].join("\n"),
    );
    return { summary, ratio };
  };

  console.log(`sync benchmark: ${ORDERS} orders with parts, ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}, Bun ${Bun.version}`);
  const first = await measure("first sync");
  const again = await measure("unchanged re-sync");
  await sync.stop();

  const problems: string[] = [];
  if (first.summary.status !== "succeeded" || again.summary.status !== "succeeded") problems.push("a run did not succeed");
  if (first.ratio > TARGET_RATIO) problems.push(`first sync ratio ${first.ratio.toFixed(3)} above ${TARGET_RATIO}`);
  if (again.ratio > TARGET_RATIO) problems.push(`re-sync ratio ${again.ratio.toFixed(3)} above ${TARGET_RATIO}`);
  if (again.summary.rowsWritten !== 0) problems.push(`re-sync wrote ${again.summary.rowsWritten} rows`);
  console.log(problems.length === 0 ? "result: targets met" : `result: ${problems.join("; ")}`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  clearInterval(sampler);
  db.$client.close();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
}
