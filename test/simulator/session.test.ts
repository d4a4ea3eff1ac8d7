import { describe, expect, test } from "bun:test";

import { USER, XHR, cookieOf, login, postLogin, session, withSimulator } from "./helpers.ts";

const BOARD = "resourceplanner_get_project_stations";

describe("login", () => {
  test("GET /app sets PHPSESSID and shows the login form", async () => {
    await withSimulator({}, async (sim) => {
      const response = await fetch(`${sim.url}/app`);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toMatch(/^PHPSESSID=[0-9a-v]{26}; Path=\/$/);
      const body = await response.text();
      expect(body).toContain('name="system_login_username"');
      expect(body).toContain("Passwort");
    });
  });

  test("correct password shows the shell", async () => {
    await withSimulator({}, async (sim) => {
      const cookie = cookieOf(await fetch(`${sim.url}/app`));
      const response = await postLogin(sim.url, cookie, USER.username, USER.password);
      expect(response.status).toBe(200);
      expect(response.headers.get("set-cookie")).toBeNull();
      const body = await response.text();
      expect(body.slice(0, 2000).toLowerCase()).not.toContain("system_login_username");
      expect(body.slice(0, 2000).toLowerCase()).not.toContain("passwort");
      expect(body).not.toContain("<input");
      expect(sim.simulator.control.counters().logins).toBe(1);
    });
  });

  test("wrong password returns 200 with the login form", async () => {
    await withSimulator({}, async (sim) => {
      const response = await postLogin(sim.url, null, USER.username, "wrong");
      expect(response.status).toBe(200);
      expect(cookieOf(response)).not.toBeNull();
      const body = await response.text();
      expect(body).toContain('name="system_login_username"');
      expect(body).toContain("Passwort");
      expect(sim.simulator.control.counters().failedLogins).toBe(1);
    });
  });

  test("login without GET /app first works", async () => {
    await withSimulator({}, async (sim) => {
      const response = await postLogin(sim.url, null, USER.username, USER.password);
      const cookie = cookieOf(response);
      expect(cookie).not.toBeNull();
      const board = await session(sim.url, cookie as string).call(BOARD, { filterID: "" }, { method: "POST" });
      expect(board.headers.get("content-type")).toBe("application/json; charset=utf-8");
    });
  });

  test("loginRedirect answers 302 to /app", async () => {
    await withSimulator({ quirks: { loginRedirect: true } }, async (sim) => {
      const cookie = cookieOf(await fetch(`${sim.url}/app`)) as string;
      const response = await postLogin(sim.url, cookie, USER.username, USER.password);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/app");
      const shell = await fetch(`${sim.url}/app`, { headers: { Cookie: `PHPSESSID=${cookie}` } });
      expect(await shell.text()).not.toContain("system_login_username");
    });
  });

  test("rotateSessionOnLogin issues a new cookie", async () => {
    await withSimulator({ quirks: { rotateSessionOnLogin: true } }, async (sim) => {
      const before = cookieOf(await fetch(`${sim.url}/app`)) as string;
      const response = await postLogin(sim.url, before, USER.username, USER.password);
      const after = cookieOf(response);
      expect(after).not.toBeNull();
      expect(after).not.toBe(before);
      const old = await session(sim.url, before).call(BOARD, {}, { method: "POST" });
      expect(await old.text()).toContain('name="system_login_username"');
    });
  });

  test("users added by control can log in", async () => {
    await withSimulator({}, async (sim) => {
      sim.simulator.control.addUser("zweiter", "other-test-secret");
      const s = await login(sim.url, { username: "zweiter", password: "other-test-secret" });
      expect(s.cookie).toMatch(/^[0-9a-v]{26}$/);
    });
  });

  test("generated demo login is logged once", async () => {
    const lines: string[] = [];
    const { createSimulator } = await import("../../src/simulator/index.ts");
    const { createLogger } = await import("../../src/log.ts");
    const sim = createSimulator({ orders: 2, archived: 0, logger: createLogger({ write: (line) => lines.push(line) }) });
    expect(sim.generatedLogin?.username).toBe("demo");
    expect(sim.generatedLogin?.password.length).toBe(20);
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain(sim.generatedLogin?.password as string);
  });
});

describe("expiry", () => {
  test("/do without cookie gets login page", async () => {
    await withSimulator({}, async (sim) => {
      const response = await fetch(`${sim.url}/do?m=${BOARD}&filterID=`, { method: "POST", headers: XHR });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
      expect(cookieOf(response)).not.toBeNull();
      expect(await response.text()).toContain('name="system_login_username"');
      expect(sim.simulator.control.counters().expiries).toBe(1);
    });
  });

  test("idle time beyond idleTtlS expires the session", async () => {
    await withSimulator({ session: { idleTtlS: 60 } }, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.setClock({ advance: "PT59S" });
      expect((await s.call(BOARD, {}, { method: "POST" })).headers.get("content-type")).toContain("application/json");
      sim.simulator.control.setClock({ advance: "PT61S" });
      const expired = await s.call(BOARD, {}, { method: "POST" });
      expect(cookieOf(expired)).not.toBe(s.cookie);
      expect(await expired.text()).toContain('name="system_login_username"');
    });
  });

  test("maxAgeS expires an active session", async () => {
    await withSimulator({ session: { maxAgeS: 300 } }, async (sim) => {
      const s = await login(sim.url);
      for (let i = 0; i < 3; i++) {
        sim.simulator.control.setClock({ advance: "PT2M" });
        const response = await s.call(BOARD, {}, { method: "POST" });
        const text = await response.text();
        if (i < 2) expect(text.startsWith("{")).toBe(true);
        else expect(text).toContain('name="system_login_username"');
      }
    });
  });

  test("expiryAsRedirect answers 302 to /app", async () => {
    await withSimulator({ quirks: { expiryAsRedirect: true } }, async (sim) => {
      const s = await login(sim.url);
      sim.simulator.control.expireSessions();
      const response = await s.call(BOARD, {}, { method: "POST" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/app");
    });
  });

  test("expireAfterRequests ends the session after N calls", async () => {
    await withSimulator({ quirks: { expireAfterRequests: 2 } }, async (sim) => {
      const s = await login(sim.url);
      const bodies: string[] = [];
      for (let i = 0; i < 3; i++) bodies.push(await (await s.call(BOARD, {}, { method: "POST" })).text());
      expect(bodies[0]?.startsWith("{")).toBe(true);
      expect(bodies[1]?.startsWith("{")).toBe(true);
      expect(bodies[2]).toContain('name="system_login_username"');
    });
  });

  test("expiring one cookie leaves the others", async () => {
    await withSimulator({}, async (sim) => {
      const a = await login(sim.url);
      const b = await login(sim.url);
      expect(sim.simulator.control.expireSessions(a.cookie)).toBe(1);
      expect(await (await a.call(BOARD, {}, { method: "POST" })).text()).toContain("system_login_username");
      expect((await (await b.call(BOARD, {}, { method: "POST" })).text()).startsWith("{")).toBe(true);
    });
  });

  test("logout ends the session and shows the login page", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const out = await s.call("logout");
      expect(await out.text()).toContain('name="system_login_username"');
      expect(await (await s.call(BOARD, {}, { method: "POST" })).text()).toContain("system_login_username");
      expect(sim.simulator.control.counters().logouts).toBe(1);
    });
  });
});

describe("request handling", () => {
  test("requireXhrHeader serves the shell without X-Requested-With", async () => {
    await withSimulator({ quirks: { requireXhrHeader: true } }, async (sim) => {
      const s = await login(sim.url);
      const plain = await fetch(`${sim.url}/do?m=${BOARD}`, { method: "POST", headers: { Cookie: `PHPSESSID=${s.cookie}` } });
      const text = await plain.text();
      expect(text).toContain("<!DOCTYPE html>");
      expect(text).not.toContain("system_login_username");
      expect((await (await s.call(BOARD, {}, { method: "POST" })).text()).startsWith("{")).toBe(true);
    });
  });

  test("/do without m serves the shell, unknown module 404", async () => {
    await withSimulator({}, async (sim) => {
      const s = await login(sim.url);
      const shell = await fetch(`${sim.url}/do`, { headers: { Cookie: `PHPSESSID=${s.cookie}`, ...XHR } });
      expect(shell.status).toBe(200);
      expect(await shell.text()).toContain("Planungstafel");
      const unknown = await s.call("resourceplanner_no_such_module", { ID: "1" });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    });
  });

  test("sessionLock serialises requests of one session", async () => {
    await withSimulator({ quirks: { sessionLock: true }, latency: { medianMs: 40, p95Ms: 41 } }, async (sim) => {
      const s = await login(sim.url);
      const started = performance.now();
      await Promise.all([1, 2, 3, 4].map(() => s.call(BOARD, {}, { method: "POST" }).then((r) => r.text())));
      expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    });
  });

  test("without sessionLock requests of one session overlap", async () => {
    await withSimulator({ latency: { medianMs: 40, p95Ms: 41 } }, async (sim) => {
      const s = await login(sim.url);
      const started = performance.now();
      await Promise.all([1, 2, 3, 4].map(() => s.call(BOARD, {}, { method: "POST" }).then((r) => r.text())));
      expect(performance.now() - started).toBeLessThan(140);
    });
  });
});
