/**
 * The upstream surface: `/app` (login page, login form, application shell) and `/do`
 * (modules), behind maintenance, rate limits, faults, latency and session checks.
 */
import type { FaultKind } from "../options.ts";
import { currentOrders } from "../context.ts";
import { errorPage, loginPage, maintenancePage, shellPage } from "../render/pages.ts";
import type { Runtime } from "../runtime.ts";
import { countRequest } from "./counters.ts";
import { dispatchModule, isWriteRequest, recordWrite, type ModuleRequest } from "./modules.ts";
import { ConnectionClosedError, htmlResponse, jsonResponse, redirectResponse } from "./responses.ts";
import { cookieToken, setCookieHeader, type Session } from "./sessions.ts";
import { drawFault, latencyMs, maintenanceRetryAfter, takeQueuedFault, type FaultDecision } from "./traffic.ts";

const LOGIN_FAILED = "Benutzername oder Passwort ist falsch.";

/** Returns the counter key of a request: the module, `app` for `/app`, `do` for `/do` without `m`. */
function moduleOf(url: URL): string {
  if (url.pathname === "/app" || url.pathname === "/app/") return "app";
  if (url.pathname === "/do") return url.searchParams.get("m") || "do";
  return "other";
}

function maxRequests(rt: Runtime): number {
  const limit = rt.ctx.config.quirks.expireAfterRequests;
  return limit === false ? 0 : limit;
}

interface ResolvedSession {
  session: Session;
  /** `Set-Cookie` when the session is new. */
  headers: Record<string, string>;
}

/** Returns the request's live session, or a new one with a `Set-Cookie` header. */
function resolveSession(rt: Runtime, request: Request): ResolvedSession {
  const now = rt.ctx.clock.now();
  const existing = rt.sessions.get(cookieToken(request), now, rt.ctx.config.session, maxRequests(rt));
  if (existing) {
    existing.lastSeen = now;
    return { session: existing, headers: {} };
  }
  const created = rt.sessions.create(now);
  return { session: created, headers: setCookieHeader(created.token) };
}

function handleApp(rt: Runtime, request: Request, body: string): Response {
  const quirks = rt.ctx.config.quirks;
  let { session, headers } = resolveSession(rt, request);
  if (request.method !== "POST") {
    return htmlResponse(session.user ? shellPage(session.user) : loginPage(null), 200, headers);
  }

  const form = new URLSearchParams(body);
  const username = form.get("system_login_username") ?? "";
  const password = form.get("system_login_password") ?? "";
  if (username === "" || rt.users.get(username) !== password) {
    rt.counters.failedLogins++;
    session.user = null;
    return htmlResponse(loginPage(LOGIN_FAILED), 200, headers);
  }
  if (quirks.rotateSessionOnLogin) {
    rt.sessions.delete(session.token);
    session = rt.sessions.create(rt.ctx.clock.now());
    headers = setCookieHeader(session.token);
  }
  session.user = username;
  session.loggedInAt = rt.ctx.clock.now();
  session.requests = 0;
  rt.counters.logins++;
  return quirks.loginRedirect ? redirectResponse("/app", headers) : htmlResponse(shellPage(username), 200, headers);
}

async function handleDo(rt: Runtime, request: Request, url: URL, body: string, seq: number): Promise<Response> {
  const quirks = rt.ctx.config.quirks;
  const module = url.searchParams.get("m") ?? "";
  const { session, headers } = resolveSession(rt, request);
  const moduleRequest: ModuleRequest = { module, params: url.searchParams, body, seq };

  if (module === "logout") {
    if (session.user !== null) rt.counters.logouts++;
    rt.sessions.delete(session.token);
    return htmlResponse(loginPage(null), 200, headers);
  }
  if (session.user === null) {
    rt.counters.expiries++;
    if (module !== "" && isWriteRequest(moduleRequest)) {
      rt.counters.writes++;
      recordWrite(rt, moduleRequest, "expired", null);
    }
    return quirks.expiryAsRedirect ? redirectResponse("/app", headers) : htmlResponse(loginPage(null), 200, headers);
  }
  session.requests++;
  if (quirks.requireXhrHeader && !request.headers.get("x-requested-with")) return htmlResponse(shellPage(session.user), 200, headers);
  if (module === "") return htmlResponse(shellPage(session.user), 200, headers);
  const response = await dispatchModule(rt, moduleRequest);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function route(rt: Runtime, request: Request, url: URL, body: string, seq: number): Promise<Response> | Response {
  if (url.pathname === "/app" || url.pathname === "/app/") return handleApp(rt, request, body);
  if (url.pathname === "/do") return handleDo(rt, request, url, body, seq);
  return htmlResponse(errorPage(404), 404);
}

/** Builds an empty but well-formed envelope of a module, for the `emptyContent` fault. */
function emptyEnvelope(rt: Runtime, module: string): Response {
  const quirks = rt.ctx.config.quirks;
  const json = (body: unknown) => jsonResponse(body, quirks.jsonAsTextHtml);
  if (module === "app" || module === "do") return htmlResponse("", 200);
  if (module === "resourceplanner_get_project_stations") {
    if (quirks.boardAsArray) return json([]);
    return json(quirks.executionTimeKey ? { execution_time: 0.001 } : {});
  }
  if (module === "resourceplanner_shop_view_single" || module === "visual_forms_plain") return json({ center: { content: "" } });
  if (module === "resourceplanner_shop_view_get_rental_car_data") return json({ data: [] });
  return json({ html: "" });
}

async function faultResponse(rt: Runtime, kind: FaultKind, module: string): Promise<Response> {
  const errors = rt.ctx.config.errors;
  rt.counters.faults[kind] = (rt.counters.faults[kind] ?? 0) + 1;
  switch (kind) {
    case "500":
    case "502":
      return htmlResponse(errorPage(Number(kind)), Number(kind));
    case "429":
      return htmlResponse(errorPage(429), 429, { "Retry-After": String(errors.retryAfterS) });
    case "loginPage":
      return htmlResponse(loginPage(null), 200);
    case "emptyContent":
      return emptyEnvelope(rt, module);
    case "timeout":
      await Bun.sleep(errors.timeoutMs);
      throw new ConnectionClosedError();
  }
}

/** Handles one upstream request; counts it under its module, method and status. */
export async function handleUpstream(rt: Runtime, request: Request): Promise<Response> {
  const ctx = rt.ctx;
  const config = ctx.config;
  const url = new URL(request.url);
  const seq = ++rt.seq;
  const module = moduleOf(url);
  const count = (status: string) => countRequest(rt.counters, module, request.method, status);
  const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();

  const retryAfter = maintenanceRetryAfter(config.maintenance, ctx.clock.now());
  if (retryAfter !== null) {
    rt.counters.maintenance++;
    count("503");
    return htmlResponse(maintenancePage(), 503, { "Retry-After": String(retryAfter) });
  }

  const token = cookieToken(request);
  const release = rt.limiter.admit(token ?? "anonymous", config.rateLimit.maxRequestsPerSecond, config.rateLimit.maxConcurrentPerSession);
  if (!release) {
    rt.counters.rateLimited++;
    count("429");
    return htmlResponse(errorPage(429), 429, { "Retry-After": String(config.rateLimit.retryAfterS) });
  }

  // PHP file sessions serialise the requests of one session.
  let unlock = () => {};
  const locked = config.quirks.sessionLock && token !== null ? rt.sessions.peek(token) : undefined;
  if (locked) {
    const previous = locked.lock;
    locked.lock = new Promise<void>((resolve) => {
      unlock = resolve;
    });
    await previous;
  }

  try {
    const delay = latencyMs(config, ctx.seed, seq, module);
    if (delay > 0) await Bun.sleep(delay);
    const fault: FaultDecision | null = takeQueuedFault(rt.faults, module) ?? drawFault(config, ctx.seed, seq, module);
    const moduleRequest: ModuleRequest = { module: url.searchParams.get("m") ?? "", params: url.searchParams, body, seq };
    if (fault && !fault.after) {
      if (url.pathname === "/do" && isWriteRequest(moduleRequest)) {
        rt.counters.writes++;
        recordWrite(rt, moduleRequest, "fault", null);
      }
      const response = await faultResponse(rt, fault.kind, module);
      count(String(response.status));
      return response;
    }
    const response = await route(rt, request, url, body, seq);
    if (fault?.after) {
      const faulted = await faultResponse(rt, fault.kind, module);
      count(String(faulted.status));
      return faulted;
    }
    count(String(response.status));
    return response;
  } catch (error) {
    if (error instanceof ConnectionClosedError) count("timeout");
    throw error;
  } finally {
    unlock();
    release();
  }
}

/** Current order ids in id order, for the control surface. */
export function currentIds(rt: Runtime): string[] {
  return currentOrders(rt.ctx)
    .map((order) => order.id)
    .sort((a, b) => Number(a) - Number(b));
}
