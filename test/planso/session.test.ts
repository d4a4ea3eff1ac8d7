/**
 * Session behaviour against a scripted stand-in for PlanSo on loopback: login,
 * expiry, retries, timeouts and limits. The simulator contract suite covers the same
 * paths against the full simulator; this suite pins the exact request sequences.
 */
import { afterEach, describe, expect, test } from "bun:test";

import { createLogger, silentLogger } from "../../src/log.ts";
import { createPlansoClient, type PlansoClientOptions } from "../../src/planso/client.ts";
import { PlansoError } from "../../src/planso/errors.ts";
import { DEFAULT_LABEL_RULES } from "../../src/planso/labels.ts";

const LOGIN_PAGE = '<html><form><input name="system_login_username"><label>Passwort</label><input type="password" name="system_login_password"></form></html>';
const SHELL = "<html><body><div id='app'>PlanSo</div></body></html>";
const BOARD = JSON.stringify({ "0": { ID: "10452", short_name: "D-XY 1234", station: "2@active", employeeID: "17", theorder: "3" }, execution_time: 0.1 });

interface Seen {
  method: string;
  path: string;
  module: string | null;
  headers: Record<string, string>;
  body: string;
}

type Handler = (request: Request, seen: Seen, state: FakeState) => Response | Promise<Response>;

interface FakeState {
  validCookies: Set<string>;
  nextCookie: number;
}

const servers: Array<{ stop: (force?: boolean) => void }> = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.stop(true);
});

/** Starts a PlanSo stand-in. `/app` logs in user `demo` with password `geheim-123`, and `/do` calls go to `handle`. */
function startFake(handle: Handler) {
  const seen: Seen[] = [];
  const state: FakeState = { validCookies: new Set(), nextCookie: 1 };
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const body = await request.text();
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const entry: Seen = { method: request.method, path: url.pathname, module: url.searchParams.get("m"), headers, body };
      seen.push(entry);
      if (url.pathname === "/app") {
        const cookie = `s${state.nextCookie++}`;
        if (request.method === "GET") {
          return new Response(LOGIN_PAGE, { headers: { "Set-Cookie": `PHPSESSID=${cookie}; path=/` } });
        }
        const form = new URLSearchParams(body);
        const current = /PHPSESSID=(\w+)/.exec(entry.headers.cookie ?? "")?.[1];
        if (form.get("system_login_username") === "demo" && form.get("system_login_password") === "geheim-123" && current) {
          state.validCookies.add(current);
          return new Response(SHELL);
        }
        return new Response(LOGIN_PAGE);
      }
      return handle(request, entry, state);
    },
  });
  servers.push(server);
  return { url: `http://127.0.0.1:${server.port}`, seen, state };
}

function loggedIn(entry: Seen, state: FakeState): boolean {
  const cookie = /PHPSESSID=(\w+)/.exec(entry.headers.cookie ?? "")?.[1];
  return cookie !== undefined && state.validCookies.has(cookie);
}

const json = (body: string, init?: ResponseInit) => new Response(body, { headers: { "Content-Type": "application/json" }, ...init });

function client(url: string, overrides: Partial<PlansoClientOptions> = {}) {
  const waits: number[] = [];
  const planso = createPlansoClient({
    baseUrl: url,
    username: "demo",
    password: "geheim-123",
    formTableId: "12565",
    labelRules: [...DEFAULT_LABEL_RULES],
    concurrency: 2,
    maxRequestsPerSecond: 1000,
    timeoutMs: 2000,
    maxRetries: 3,
    retryBaseMs: 10,
    retryMaxMs: 100,
    writesEnabled: true,
    log: silentLogger,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { planso, waits };
}

async function failure(promise: Promise<unknown>): Promise<PlansoError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlansoError) return error;
    throw error;
  }
  throw new Error("expected a PlansoError");
}

describe("session", () => {
  test("logs in with L1 and L2, then sends the session cookie and headers", async () => {
    const fake = startFake((_request, entry, state) => (loggedIn(entry, state) ? json(BOARD) : new Response(LOGIN_PAGE)));
    const { planso } = client(fake.url);
    expect(await planso.readBoard()).toHaveLength(1);

    expect(fake.seen.map((s) => `${s.method} ${s.path}${s.module ? `?m=${s.module}` : ""}`)).toEqual([
      "GET /app",
      "POST /app",
      "POST /do?m=resourceplanner_get_project_stations",
    ]);
    const [l1, l2, board] = fake.seen as [Seen, Seen, Seen];
    expect(l1.headers["x-requested-with"]).toBe("XMLHttpRequest");
    expect(Object.fromEntries(new URLSearchParams(l2.body))).toEqual({
      system_login_username: "demo",
      system_login_password: "geheim-123",
      user_lat: "",
      user_lng: "",
      user_accuracy: "",
    });
    expect(l2.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(l2.headers.origin).toBe(fake.url);
    expect(l2.headers.referer).toBe(`${fake.url}/app`);
    expect(l2.headers.cookie).toBe("PHPSESSID=s1");
    expect(board.headers.cookie).toBe("PHPSESSID=s1");
    expect(board.headers.accept).toBe("application/json, text/javascript, */*; q=0.01");
    expect(board.headers["x-requested-with"]).toBe("XMLHttpRequest");
    expect(board.headers["content-length"]).toBe("0");
    expect(board.headers["content-type"]).toBeUndefined();
    expect(planso.session()).toMatchObject({ logged_in: true, base_url: fake.url, username: "demo", logins: 1, expiries: 0 });
    expect(planso.requestCount()).toBe(3);
  });

  test("bad credentials fail fast with one login attempt", async () => {
    const fake = startFake(() => json(BOARD));
    const lines: string[] = [];
    const { planso } = client(fake.url, { password: "falsch-999", log: createLogger({ level: "debug", write: (l) => lines.push(l) }) });
    const error = await failure(planso.readBoard());
    expect(error.kind).toBe("login_failed");
    expect(error.message).toBe(
      `PlanSo login failed for user "demo" at ${fake.url}: the login form was shown again. Check PLANSO_USERNAME and PLANSO_PASSWORD.`,
    );
    expect(fake.seen.filter((s) => s.method === "POST" && s.path === "/app")).toHaveLength(1);
    expect(fake.seen.filter((s) => s.path === "/do")).toHaveLength(0);
    expect(lines.join("\n")).not.toContain("falsch-999");
  });

  test("expired session answered with the login page is renewed once", async () => {
    let expireNext = false;
    const fake = startFake((_request, entry, state) => {
      if (expireNext) {
        expireNext = false;
        state.validCookies.clear();
      }
      return loggedIn(entry, state) ? json(BOARD) : new Response(LOGIN_PAGE);
    });
    const { planso } = client(fake.url);
    await planso.readBoard();
    expireNext = true;
    expect(await planso.readBoard()).toHaveLength(1);
    expect(planso.session()).toMatchObject({ logins: 2, expiries: 1 });
    expect(fake.seen.filter((s) => s.path === "/do")).toHaveLength(3);
  });

  test("expiry as redirect to /app is renewed", async () => {
    let expireNext = true;
    const fake = startFake((_request, entry, state) => {
      if (expireNext) {
        expireNext = false;
        return new Response(null, { status: 302, headers: { Location: "/app" } });
      }
      return loggedIn(entry, state) ? json(BOARD) : new Response(LOGIN_PAGE);
    });
    const { planso } = client(fake.url);
    expect(await planso.readBoard()).toHaveLength(1);
    expect(planso.session().expiries).toBe(1);
  });

  test("login page again right after a new login is session_expired", async () => {
    const fake = startFake(() => new Response(LOGIN_PAGE));
    const { planso } = client(fake.url);
    const error = await failure(planso.readBoard());
    expect(error.kind).toBe("session_expired");
    expect(fake.seen.filter((s) => s.method === "POST" && s.path === "/app")).toHaveLength(2);
  });

  test("parallel calls meeting an expiry share one login", async () => {
    let expired = false;
    const fake = startFake(async (_request, entry, state) => {
      await Bun.sleep(5);
      if (expired) {
        expired = false;
        state.validCookies.clear();
      }
      return loggedIn(entry, state) ? json(BOARD) : new Response(LOGIN_PAGE);
    });
    const { planso } = client(fake.url, { concurrency: 4 });
    await planso.readBoard();
    expired = true;
    const results = await Promise.all([planso.readBoard(), planso.readBoard(), planso.readBoard(), planso.readBoard()]);
    expect(results.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    expect(planso.session().logins).toBe(2);
  });

  test("429 waits out Retry-After", async () => {
    let first = true;
    const fake = startFake(() => {
      if (first) {
        first = false;
        return new Response("<html>Too many</html>", { status: 429, headers: { "Retry-After": "2" } });
      }
      return json(BOARD);
    });
    const { planso, waits } = client(fake.url);
    expect(await planso.readBoard()).toHaveLength(1);
    expect(waits).toEqual([2000]);
  });

  test("429 beyond the retry budget is rate_limited", async () => {
    const fake = startFake(() => new Response("x", { status: 429, headers: { "Retry-After": "1" } }));
    const { planso, waits } = client(fake.url, { maxRetries: 2 });
    const error = await failure(planso.readBoard());
    expect(error.kind).toBe("rate_limited");
    expect(error.details.retryAfterS).toBe(1);
    expect(waits).toEqual([1000, 1000]);
  });

  test("503 is maintenance, and a long Retry-After fails at once", async () => {
    const fake = startFake(() => new Response("<title>Wartungsarbeiten</title>", { status: 503, headers: { "Retry-After": "7200" } }));
    const { planso, waits } = client(fake.url);
    const error = await failure(planso.readBoard());
    expect(error.kind).toBe("maintenance");
    expect(error.details.retryAfterS).toBe(7200);
    expect(waits).toEqual([]);
  });

  test("500 is retried with capped exponential backoff", async () => {
    let failures = 3;
    const fake = startFake(() => (failures-- > 0 ? new Response("<h1>Error</h1>", { status: 500 }) : json(BOARD)));
    const { planso, waits } = client(fake.url, { retryBaseMs: 40, retryMaxMs: 100 });
    expect(await planso.readBoard()).toHaveLength(1);
    // random 0.5 scales each delay by 0.75.
    expect(waits).toEqual([30, 60, 75]);
  });

  test("500 beyond the retry budget is upstream_error", async () => {
    const fake = startFake(() => new Response("<h1>Error</h1>", { status: 502 }));
    const { planso } = client(fake.url, { maxRetries: 1 });
    const error = await failure(planso.readBoard());
    expect(error.kind).toBe("upstream_error");
    expect(error.details.status).toBe(502);
    expect(fake.seen.filter((s) => s.path === "/do")).toHaveLength(2);
  });

  test("timeouts are retried, then reported", async () => {
    let slow = 1;
    const fake = startFake(async () => {
      if (slow-- > 0) await Bun.sleep(300);
      return json(BOARD);
    });
    const { planso } = client(fake.url, { timeoutMs: 100 });
    expect(await planso.readBoard()).toHaveLength(1);

    const stalled = startFake(async () => {
      await Bun.sleep(300);
      return json(BOARD);
    });
    const second = client(stalled.url, { timeoutMs: 100, maxRetries: 1 });
    await second.planso.login();
    const error = await failure(second.planso.readBoard());
    expect(error.kind).toBe("timeout");
  });

  test("non-JSON body is upstream_error without retry", async () => {
    const fake = startFake(() => new Response(SHELL, { headers: { "Content-Type": "text/html" } }));
    const { planso } = client(fake.url);
    const error = await failure(planso.readBoard());
    expect(error.kind).toBe("upstream_error");
    expect(error.message).toBe("resourceplanner_get_project_stations: PlanSo returned a body that is not JSON");
    expect(fake.seen.filter((s) => s.path === "/do")).toHaveLength(1);
  });

  test("JSON sent as text/html is parsed", async () => {
    const fake = startFake(() => new Response(BOARD, { headers: { "Content-Type": "text/html" } }));
    const { planso } = client(fake.url);
    expect(await planso.readBoard()).toHaveLength(1);
  });

  test("concurrency limit holds over parallel calls", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fake = startFake(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await Bun.sleep(10);
      inFlight--;
      return json(BOARD);
    });
    const { planso } = client(fake.url, { concurrency: 2 });
    await planso.login();
    await Promise.all(Array.from({ length: 8 }, () => planso.readBoard()));
    expect(maxInFlight).toBe(2);
  });

  test("logout sends m=logout and forgets the session", async () => {
    const fake = startFake((_request, entry, state) => (loggedIn(entry, state) ? json(BOARD) : new Response(LOGIN_PAGE)));
    const { planso } = client(fake.url);
    await planso.login();
    await planso.logout();
    expect(fake.seen.at(-1)?.module).toBe("logout");
    expect(planso.session().logged_in).toBe(false);
  });

  test("insert is not resent after a 500", async () => {
    const fake = startFake((_request, entry) =>
      entry.module === "visual_forms_plain" ? new Response("<h1>Error</h1>", { status: 500 }) : json(BOARD),
    );
    const { planso } = client(fake.url);
    const error = await failure(planso.createOrder({ vehicle_details: { number_plate: "K-AB 99" } }));
    expect(error.kind).toBe("unknown_outcome");
    expect(fake.seen.filter((s) => s.module === "visual_forms_plain")).toHaveLength(1);
    expect(fake.seen.filter((s) => s.module === "resourceplanner_get_project_stations")).toHaveLength(2);
  });

  test("writes disabled", async () => {
    const fake = startFake(() => json(BOARD));
    const { planso } = client(fake.url, { writesEnabled: false });
    const error = await failure(planso.deleteOrder("10452"));
    expect(error.kind).toBe("writes_disabled");
    expect(fake.seen).toHaveLength(0);
  });
});
