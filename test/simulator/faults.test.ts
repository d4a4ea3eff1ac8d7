import { describe, expect, test } from "bun:test";

import { ConnectionClosedError, createSimulator } from "../../src/simulator/index.ts";
import { FORM_PARAMS, USER, login, withSimulator } from "./helpers.ts";

const BOARD = "resourceplanner_get_project_stations";

describe("one-shot faults", () => {
  test("500 and 502 send HTML error pages", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.queueFaults({ module: BOARD, kind: "500" });
      sim.simulator.control.queueFaults({ module: BOARD, kind: "502" });
      const first = await s.call(BOARD, {}, { method: "POST" });
      expect(first.status).toBe(500);
      expect(first.headers.get("content-type")).toBe("text/html; charset=UTF-8");
      expect(await first.text()).toContain("<title>500 Internal Server Error</title>");
      const second = await s.call(BOARD, {}, { method: "POST" });
      expect(second.status).toBe(502);
      expect(await second.text()).toContain("Bad Gateway");
      expect((await s.call(BOARD, {}, { method: "POST" })).status).toBe(200);
      expect(sim.simulator.control.counters().requests[BOARD]?.POST).toEqual({ "500": 1, "502": 1, "200": 1 });
    });
  });

  test("429 carries Retry-After", async () => {
    await withSimulator({}, async (sim) => {
      sim.simulator.control.configure({ errors: { retryAfterS: 7 } });
      const s = await login(sim.url);
      sim.simulator.control.queueFaults({ kind: "429" });
      const response = await s.call(BOARD, {}, { method: "POST" });
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("7");
    });
  });

  test("faults only hit their module", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.queueFaults({ module: "visual_forms_plain", kind: "500" });
      expect((await s.call(BOARD, {}, { method: "POST" })).status).toBe(200);
      const id = sim.simulator.control.orderIds()[0] as string;
      expect((await s.call("visual_forms_plain", FORM_PARAMS(id), { method: "POST" })).status).toBe(500);
    });
  });

  test("timeout holds the request, then closes the connection", async () => {
    await withSimulator({}, async (sim) => {
      sim.simulator.control.configure({ errors: { timeoutMs: 150 } });
      const s = await login(sim.url);
      sim.simulator.control.queueFaults({ module: BOARD, kind: "timeout" });
      const started = performance.now();
      const error = await s.call(BOARD, {}, { method: "POST" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(sim.simulator.control.counters().requests[BOARD]?.POST).toEqual({ timeout: 1 });
      expect((await s.call(BOARD, {}, { method: "POST" })).status).toBe(200);
    });
  });

  test("timeout rejects in process with ConnectionClosedError", async () => {
    const simulator = createSimulator({ orders: 2, archived: 0, users: [USER] });
    simulator.control.configure({ errors: { timeoutMs: 10 } });
    simulator.control.queueFaults({ module: "app", kind: "timeout" });
    await expect(simulator.fetch(new Request("http://sim.test/app"))).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  test("loginPage and emptyContent", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const id = sim.simulator.control.orderIds()[0] as string;
      sim.simulator.control.queueFaults({ module: "visual_forms_plain", kind: "loginPage" });
      expect(await (await s.call("visual_forms_plain", FORM_PARAMS(id), { method: "POST" })).text()).toContain('name="system_login_username"');
      sim.simulator.control.queueFaults({ module: "visual_forms_plain", kind: "emptyContent" });
      expect(await s.json("visual_forms_plain", FORM_PARAMS(id), "POST")).toEqual({ center: { content: "" } });
      sim.simulator.control.queueFaults({ module: BOARD, kind: "emptyContent" });
      expect(await s.json(BOARD, {}, "POST")).toEqual({ execution_time: 0.001 });
      sim.simulator.control.queueFaults({ module: "resourceplanner_shop_view_get_parts", kind: "emptyContent" });
      expect(await s.json("resourceplanner_shop_view_get_parts", { ID: id })).toEqual({ html: "" });
      // The session survived the fake login page.
      expect((await s.call(BOARD, {}, { method: "POST" })).status).toBe(200);
    });
  });

  test("fault timing decides whether writes apply", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const body = (plate: string) => `fields=${encodeURIComponent(JSON.stringify({ Kennzeichen: plate }))}`;
      const insert = (plate: string) => s.call("visual_forms_plain", { ...FORM_PARAMS(""), submode: "insert" }, { method: "POST", body: body(plate) });
      const count = sim.simulator.control.orderIds().length;

      sim.simulator.control.queueFaults({ module: "visual_forms_plain", kind: "502" });
      expect((await insert("D-AB 1")).status).toBe(502);
      expect(sim.simulator.control.orderIds().length).toBe(count);

      sim.simulator.control.queueFaults({ module: "visual_forms_plain", kind: "502", after: true });
      expect((await insert("D-AB 2")).status).toBe(502);
      expect(sim.simulator.control.orderIds().length).toBe(count + 1);
      expect(sim.simulator.control.truthBoard().some((item) => item.short_name === "D-AB 2")).toBe(true);
      expect(sim.simulator.control.writes().map((w) => w.outcome)).toEqual(["fault", "applied"]);
    });
  });
});

describe("rates, limits and maintenance", () => {
  test("seeded error rates repeat per run", async () => {
    const run = async () =>
      withSimulator({ seed: 5 }, async (sim) => {
        const s = await login(sim.url);
        sim.simulator.control.configure({ errors: { rates: { "500": 0.3 } } });
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await s.call(BOARD, {}, { method: "POST" })).status);
        return statuses;
      });
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((status) => status === 500).length).toBeGreaterThan(0);
  });

  test("per-module rates replace the global rate", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.configure({ errors: { rates: { "502": 1 }, perModule: { [BOARD]: { "502": 0 } } } });
      expect((await s.call(BOARD, {}, { method: "POST" })).status).toBe(200);
      expect((await s.call("resourceplanner_shop_view_get_parts", { ID: "1" })).status).toBe(502);
    });
  });

  test("rate limit answers 429 with Retry-After", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      // The login POST a moment ago counts in the same one-second window.
      sim.simulator.control.configure({ rateLimit: { maxRequestsPerSecond: 4, retryAfterS: 2 } });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const response = await s.call(BOARD, {}, { method: "POST" });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get("retry-after");
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(retryAfter).toBe("2");
      expect(sim.simulator.control.counters().rateLimited).toBe(2);
    });
  });

  test("concurrency limit per session", async () => {
    await withSimulator({ latency: { medianMs: 60, p95Ms: 61 } }, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.configure({ rateLimit: { maxConcurrentPerSession: 2 } });
      const statuses = await Promise.all([1, 2, 3].map(() => s.call(BOARD, {}, { method: "POST" }).then((r) => r.status)));
      expect(statuses.sort()).toEqual([200, 200, 429]);
    });
  });

  test("maintenance switch and windows answer 503 Wartungsarbeiten", async () => {
    await withSimulator({ now: "2026-03-02T01:30:00+01:00" }, async (sim) => {
      sim.simulator.control.configure({ maintenance: { windows: [{ from: "02:00", to: "04:00" }] } });
      expect((await fetch(`${sim.url}/app`)).status).toBe(200);
      sim.simulator.control.setClock({ advance: "PT45M" });
      const inside = await fetch(`${sim.url}/app`);
      expect(inside.status).toBe(503);
      expect(inside.headers.get("retry-after")).toBe(String(105 * 60));
      expect(await inside.text()).toContain("<title>Wartungsarbeiten</title>");
      sim.simulator.control.setClock({ advance: "PT2H" });
      expect((await fetch(`${sim.url}/app`)).status).toBe(200);
      sim.simulator.control.configure({ maintenance: { active: true, retryAfterS: 30 } });
      const now = await fetch(`${sim.url}/do?m=${BOARD}`);
      expect(now.status).toBe(503);
      expect(now.headers.get("retry-after")).toBe("30");
    });
  });

  test("latency follows the seeded distribution", async () => {
    await withSimulator({ latency: { medianMs: 30, p95Ms: 60 } }, async (sim) => {
      const started = performance.now();
      for (let i = 0; i < 6; i++) await (await fetch(`${sim.url}/app`)).text();
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThan(6 * 10);
      expect(elapsed).toBeLessThan(6 * 200);
    });
  });
});
