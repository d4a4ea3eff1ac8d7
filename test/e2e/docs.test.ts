/**
 * The API reference at `/docs` rendered by a real browser (Debian's Chromium,
 * headless). Host names other than 127.0.0.1 resolve to nothing, so the page must
 * render from the server alone. Chromium's net log lists every request the page made.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { parse } from "node-html-parser";

import { runToEnd } from "../support/e2e-process.ts";
import { startTestServer, type TestServer } from "../support/api-server.ts";

const CHROMIUM = "/usr/bin/chromium";
const INSTALL_HINT =
  `${CHROMIUM} is missing, and the /docs test needs it. Install it with: ` +
  "apt-get update && apt-get install -y --no-install-recommends chromium (.ci/run does this in CI).";

interface OpenApiOperation {
  summary?: string;
  tags?: string[];
}

interface Rendered {
  /** Text content of the DOM after scripts ran. */
  text: string;
  /** URLs the page requested, from the net log. */
  pageRequests: string[];
  chromiumOutput: string;
}

let server: TestServer;
let workDir: string;
let rendered: Rendered;

/**
 * Runs headless Chromium on `url` with a new profile and returns the rendered DOM and
 * the page's requests: the main frame and every request the page's origin initiated.
 * Chromium's own background requests (update checks, time sync, autofill) have no
 * initiator and are left out.
 */
async function render(url: string): Promise<Rendered> {
  const netLog = join(workDir, "net-log.json");
  const result = await runToEnd(
    [
      CHROMIUM,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${join(workDir, "profile")}`,
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
      `--log-net-log=${netLog}`,
      "--virtual-time-budget=15000",
      "--dump-dom",
      url,
    ],
    { cwd: workDir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: workDir }, timeoutMs: 45_000 },
  );
  if (result.code !== 0) throw new Error(`chromium exited with ${result.code}:\n${result.stderr.slice(-4000)}`);

  const log = JSON.parse(readFileSync(netLog, "utf8")) as {
    constants: { logEventTypes: Record<string, number> };
    events: Array<{ type: number; params?: { url?: string; initiator?: string; request_type?: string } }>;
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const origin = new URL(url).origin;
  const pageRequests = log.events
    .filter((event) => event.type === startJob && event.params?.url !== undefined)
    .filter((event) => event.params!.initiator === origin || event.params!.request_type === "main frame")
    .map((event) => event.params!.url!);
  return { text: parse(result.stdout).textContent, pageRequests, chromiumOutput: result.stderr };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  workDir = mkdtempSync(join(tmpdir(), "reit-e2e-docs-"));
  server = await startTestServer({ orders: 5, captureLogs: true });
  rendered = await render(`${server.url}/docs`);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

describe("/docs", () => {
  test("chromium is installed", () => {
    if (!existsSync(CHROMIUM)) throw new Error(INSTALL_HINT);
  });

  test("served HTML loads only local files", async () => {
    const response = await fetch(`${server.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    const root = parse(html);
    const sources = root.querySelectorAll("[src],[href]").map((node) => node.getAttribute("src") ?? node.getAttribute("href"));
    expect(sources).toEqual(["/docs/scalar.js"]);
    expect(html).toContain('"url":"/openapi.json"');
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);

    const script = await fetch(`${server.url}/docs/scalar.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });

  test("rendered page lists the orders operations", async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      info: { title: string };
      tags: Array<{ name: string }>;
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const orderSummaries = Object.values(document.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((operation) => operation.tags?.includes("orders"))
      .map((operation) => operation.summary ?? "");
    expect(orderSummaries).toContain("Search and list orders");
    expect(orderSummaries.length).toBeGreaterThanOrEqual(2);

    // Scalar expands the first tag in the sidebar and lists the others collapsed.
    for (const summary of orderSummaries) expect(rendered.text).toContain(summary);
    for (const tag of document.tags) expect(rendered.text).toContain(tag.name);
    expect(rendered.text).toContain(document.info.title);
    expect(rendered.text).toContain("OpenAPI 3.1.0");
  });

  test("page requested only this server", () => {
    const outside = rendered.pageRequests.filter((url) => !url.startsWith(`${server.url}/`));
    expect(outside).toEqual([]);
    const paths = new Set(rendered.pageRequests.map((url) => new URL(url).pathname));
    expect(paths.has("/docs")).toBe(true);
    expect(paths.has("/docs/scalar.js")).toBe(true);
    expect(paths.has("/openapi.json")).toBe(true);

    const served = server.logs.filter((line) => line.event === "request").map((line) => line.route);
    expect(served).toContain("/docs");
    expect(served).toContain("/docs/scalar.js");
    expect(served).toContain("/openapi.json");
  });
});
