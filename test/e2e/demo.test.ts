import { afterAll, beforeAll, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

import { baseEnv, spawnCollected, stopAll, type Collected } from "../support/e2e-process.ts";

const ENTRY = resolve(import.meta.dir, "../../src/index.ts");
const ORDERS = 40;

let dir: string;
let demo: Collected;
let url: string;

/** Waits until stdout contains `text`, or fails with what the demo printed. */
async function waitForOutput(child: Collected, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!child.stdout().includes(text)) {
    if (Date.now() > deadline) throw new Error(`demo did not print "${text}" within ${timeoutMs} ms:\n${child.output()}`);
    await Bun.sleep(50);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reit-demo-"));
  demo = spawnCollected(["bun", ENTRY, "demo", "--port", "0", "--orders", String(ORDERS), "--database", "./demo.db"], {
    cwd: dir,
    env: baseEnv(),
  });
  await waitForOutput(demo, "Stop with Ctrl-C.", 30_000);
  url = /reit is serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(demo.stdout())![1]!;
}, 40_000);

afterAll(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

test("demo syncs the simulated tenant", () => {
  expect(demo.stdout()).toContain(`(user demo, ${ORDERS} orders, seed 7)`);
  expect(demo.stdout()).toMatch(new RegExp(`Synced ${ORDERS} orders and \\d+ parts in [\\d.]+ s\\.`));
  expect(existsSync(join(dir, "demo.db"))).toBe(true);
});

test("demo prints docs and example calls", () => {
  expect(demo.stdout()).toContain(`API reference: ${url}/docs`);
  expect(demo.stdout()).toContain(`OpenAPI 3.1:   ${url}/openapi.json`);
  const examples = demo.stdout().match(/curl '[^']+'/g) ?? [];
  expect(examples).toHaveLength(3);
});

test("printed example calls return orders", async () => {
  for (const example of demo.stdout().match(/curl '([^']+)'/g) ?? []) {
    const target = example.slice("curl '".length, -1);
    const response = await fetch(target);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; orders?: unknown[]; summary?: { total: number } };
    expect(body.success).toBe(true);
    if (body.orders !== undefined) expect(body.orders.length).toBeGreaterThan(0);
  }
});

test("first sync is recorded as a startup run", async () => {
  const runs = (await (await fetch(`${url}/api/sync/runs`)).json()) as { runs: Array<{ trigger: string; status: string }> };
  expect(runs.runs.map((run) => [run.trigger, run.status])).toEqual([["startup", "succeeded"]]);
});

test("docs page and readiness answer", async () => {
  expect((await fetch(`${url}/ready`)).status).toBe(200);
  const docs = await fetch(`${url}/docs`);
  expect(docs.status).toBe(200);
  expect(await docs.text()).toContain('<script src="/docs/scalar.js"></script>');
});

test("SIGINT stops the demo with exit code 0", async () => {
  const started = performance.now();
  process.kill(demo.pid, "SIGINT");
  const code = await demo.exited;
  expect(code).toBe(0);
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(demo.stdout()).toContain("Stopped.");
});
