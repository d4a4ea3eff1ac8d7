/**
 * The HTTP surface: tRPC on `/trpc/*`, the same procedures as REST on `/api/*`, the
 * OpenAPI document, the API reference page, health and metrics. Every response
 * carries `X-Request-Id`, every error has the one error shape (Elysia's own 404s
 * included), and every request gives one JSON log line.
 */
import type { TRPCError } from "@trpc/server";
import { Elysia } from "elysia";

import type { ApiContext } from "../api/context.ts";
import { AppError, toAppError } from "../api/errors.ts";
import { createOutputCheck } from "../api/output-check.ts";
import { appRouter } from "../api/router.ts";
import { AUTH_MESSAGES } from "../api/trpc.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/connection.ts";
import type { Logger } from "../log.ts";
import type { SyncControl } from "../sync/control.ts";
import { createAuthenticator } from "./auth.ts";
import { methodHasBody, readBodyLimited } from "./body.ts";
import { docsPage, docsScript } from "./docs.ts";
import type { Metrics } from "./metrics.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import { errorResponse, jsonResponse } from "./responses.ts";
import { createRestHandler } from "./rest-handler.ts";
import { createTrpcHandler } from "./trpc-handler.ts";

export interface ReadyReport {
  ok: boolean;
  checks: Record<string, boolean | string>;
}

export interface AppDeps {
  db: Db;
  config: Config;
  sync: SyncControl;
  log: Logger;
  /** Readiness probe for `/ready`: mirror open, migrations applied, worker alive. */
  ready: () => Promise<ReadyReport>;
  /** Prometheus metrics. Without them `/metrics` returns 404. */
  metrics?: Pick<Metrics, "observeRequest" | "render" | "contentType">;
  /** Checks every procedure output against its schema and responds with a 500 on a mismatch. Tests turn it on. */
  checkOutputs?: boolean;
}

/** Per-request bookkeeping for the log line, the metrics and the request id header. */
interface RequestState {
  id: string;
  startedAt: number;
  route: string;
  /** Set once the response went through `finish`, so a request is logged once. */
  finished: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/u;
/** Health probes are frequent; their log lines go to debug. */
const QUIET_ROUTES = new Set(["/live", "/ready", "/metrics"]);

/**
 * Page cache of the read connection, in KiB (SQLite's negative `cache_size`). The
 * default 2 MiB makes every row lookup of a search a file read; 64 MiB keeps the hot
 * part of a 100,000-order mirror in memory (measured: broad searches 3–4× faster).
 */
const READ_CACHE_KIB = 65_536;

export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  deps.db.$client.exec(`PRAGMA cache_size = -${READ_CACHE_KIB}`);
  const authenticate = createAuthenticator(config.apiKeys);
  const states = new WeakMap<Request, RequestState>();
  const stateOfContext = new WeakMap<ApiContext, RequestState>();

  const onError = (error: TRPCError, ctx: ApiContext | undefined, path: string | undefined) => {
    const app = toAppError(error);
    if (app.code !== "INTERNAL") return;
    const cause = app.extra.cause instanceof AppError ? app.extra.cause.extra.cause : app.extra.cause;
    (ctx?.log ?? log).error("request_failed", { path, error: cause ?? error });
  };
  const onProcedure = (ctx: ApiContext, paths: readonly string[]) => {
    const state = stateOfContext.get(ctx);
    if (state !== undefined) state.route = `${state.route.split(":")[0]}:${paths.join(",")}`;
  };
  const checkOutput = deps.checkOutputs === true ? createOutputCheck(appRouter) : undefined;
  const rest = createRestHandler({ router: appRouter, prefix: "/api", onError, onProcedure });
  const trpc = createTrpcHandler({ router: appRouter, endpoint: "/trpc", onError, onProcedure });
  let openApiDocument: unknown = null;

  /**
   * Starts a request's bookkeeping: its id (the caller's `X-Request-Id` when valid),
   * start time and route. Routes call it first, and the error handler for requests that
   * matched no route.
   */
  const begin = (request: Request, route: string): RequestState => {
    const callerId = request.headers.get("x-request-id");
    const state: RequestState = {
      id: callerId !== null && REQUEST_ID.test(callerId) ? callerId : crypto.randomUUID(),
      startedAt: performance.now(),
      route,
      finished: false,
    };
    states.set(request, state);
    return state;
  };

  /**
   * Adds the request id header to a response, then writes the request's log line and
   * metrics. Every route and the error handler call it, so no after-response hook is needed.
   */
  const finish = (request: Request, response: Response): Response => {
    const state = states.get(request);
    if (state === undefined || state.finished) return response;
    state.finished = true;
    response.headers.set("X-Request-Id", state.id);
    const durationMs = performance.now() - state.startedAt;
    const fields = {
      method: request.method,
      route: state.route,
      status: response.status,
      duration_ms: Math.round(durationMs * 100) / 100,
      request_id: state.id,
    };
    if (QUIET_ROUTES.has(state.route)) log.debug("request", fields);
    else log.info("request", fields);
    deps.metrics?.observeRequest(state.route, request.method, response.status, durationMs / 1000);
    return response;
  };

  const apiRoute = (transport: "rest" | "trpc") => async ({ request }: { request: Request }) => {
    const state = begin(request, `${transport}:unmatched`);
    const auth = authenticate(request.headers.get("authorization"));
    let body: Uint8Array<ArrayBuffer> | null = null;
    try {
      if (methodHasBody(request.method)) body = await readBodyLimited(request, config.maxBodyBytes);
    } catch (error) {
      return finish(request, errorResponse(toAppError(error)));
    }
    const ctx: ApiContext = {
      db: deps.db,
      config,
      sync: deps.sync,
      log: log.child({ request_id: state.id }),
      requestId: state.id,
      principal: auth.principal,
      authProblem: auth.problem,
      headers: request.headers,
      rawBody: body,
      checkOutput,
    };
    stateOfContext.set(ctx, state);
    const response = transport === "rest" ? await rest(request, ctx, body) : await trpc(request, ctx, body);
    return finish(request, response);
  };

  return new Elysia()
    .onError(({ code, error, request }) => {
      const state = states.get(request) ?? begin(request, "unmatched");
      const appError =
        code === "NOT_FOUND"
          ? new AppError("NOT_FOUND", `No route ${request.method} ${new URL(request.url).pathname}`)
          : code === "PARSE" || code === "VALIDATION" || code === "INVALID_COOKIE_SIGNATURE" || code === "INVALID_FILE_TYPE"
            ? new AppError("BAD_REQUEST", `Invalid request (${code})`)
            : toAppError(error);
      if (appError.code === "INTERNAL") log.error("request_failed", { request_id: state?.id, route: state?.route, error });
      return finish(request, errorResponse(appError));
    })
    .all("/api/*", apiRoute("rest"), { parse: "none" })
    .all("/trpc/*", apiRoute("trpc"), { parse: "none" })
    .get("/openapi.json", ({ request }) => {
      begin(request, "/openapi.json");
      openApiDocument ??= buildOpenApiDocument(appRouter);
      return finish(request, jsonResponse(openApiDocument));
    })
    .get("/docs", ({ request }) => {
      begin(request, "/docs");
      return finish(request, docsPage());
    })
    .get("/docs/scalar.js", ({ request }) => {
      begin(request, "/docs/scalar.js");
      return finish(request, docsScript());
    })
    .get("/live", ({ request }) => {
      begin(request, "/live");
      return finish(request, jsonResponse({ success: true, status: "live" }));
    })
    .get("/ready", async ({ request }) => {
      begin(request, "/ready");
      const report = await deps.ready();
      if (report.ok) return finish(request, jsonResponse({ success: true, status: "ready", checks: report.checks }));
      const failing = Object.entries(report.checks)
        .filter(([, value]) => value !== true)
        .map(([name]) => name);
      return finish(request, errorResponse(new AppError("NOT_READY", `Not ready: ${failing.join(", ")}`), { checks: report.checks }));
    })
    .get("/metrics", async ({ request }) => {
      begin(request, "/metrics");
      if (deps.metrics === undefined) return finish(request, errorResponse(new AppError("NOT_FOUND", "Metrics are not enabled")));
      // Metrics reveal mirror sizes and upstream error rates, so they need a key (any scope) when keys are configured.
      const auth = authenticate(request.headers.get("authorization"));
      if (auth.principal === null) {
        return finish(request, errorResponse(new AppError("UNAUTHORIZED", AUTH_MESSAGES[auth.problem ?? "missing"])));
      }
      const text = await deps.metrics.render();
      return finish(request, new Response(text, { headers: { "content-type": deps.metrics.contentType } }));
    });
}

export type App = ReturnType<typeof createApp>;
