/**
 * REST over the same procedures, through trpc-to-openapi. Its own fetch adapter
 * builds a new handler per request and, outside production, generates the whole
 * OpenAPI document each time to validate the router. This adapter builds the handler
 * once and passes it the body the server has already read (within the size limit).
 * Error bodies are rewritten into the API's one error shape.
 */
import { TRPCError, type AnyRouter } from "@trpc/server";
import { createOpenApiNodeHttpHandler } from "trpc-to-openapi";

import type { ApiContext } from "../api/context.ts";
import type { ApiErrorData } from "../api/trpc.ts";
import { createResponseMeta, type OnProcedure } from "./response-meta.ts";

const CONTEXT = Symbol("reit.context");

export interface RestHandlerOptions {
  router: AnyRouter;
  /** Path prefix the REST routes live under, e.g. `/api`. */
  prefix: string;
  onError: (error: TRPCError, ctx: ApiContext | undefined, path: string | undefined) => void;
  onProcedure: OnProcedure;
}

export type RestHandler = (request: Request, ctx: ApiContext, body: Uint8Array<ArrayBuffer> | null) => Promise<Response>;

type NodeHandler = (req: unknown, res: unknown) => Promise<void>;

export function createRestHandler(options: RestHandlerOptions): RestHandler {
  const handler = createOpenApiNodeHttpHandler({
    router: options.router,
    createContext: ({ req }: { req: Record<symbol, unknown> }) => req[CONTEXT] as ApiContext,
    responseMeta: createResponseMeta(options.router, "rest", options.onProcedure) as never,
    onError: ({ error, ctx, path }: { error: TRPCError; ctx?: unknown; path?: string }) =>
      options.onError(error, ctx as ApiContext | undefined, path),
  } as never) as unknown as NodeHandler;

  return (request, ctx, body) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(request.url);
      url.pathname = url.pathname.slice(options.prefix.length) || "/";
      // A bare POST (no body, no Content-Type) counts as the JSON body `{}`.
      const bare = body !== null && body.byteLength === 0 && !request.headers.has("content-type");
      const headers = bare ? new Headers(request.headers) : request.headers;
      if (bare) headers.set("content-type", "application/json");
      const parsed = bare ? ({ ok: true, value: {} } as const) : parseBody(request, body);
      const req = new Proxy(request, {
        get(target, prop) {
          if (prop === CONTEXT) return ctx;
          if (prop === "url") return url.toString();
          if (prop === "headers") return headers;
          if (prop === "body") {
            if (!parsed.ok) throw new TRPCError({ code: "PARSE_ERROR", message: `Request body is not valid JSON: ${parsed.reason}` });
            return parsed.value;
          }
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
        set(target, prop, value) {
          // The adapter caches the parsed query string on the request object.
          (target as unknown as Record<PropertyKey, unknown>)[prop] = value;
          return true;
        },
      });

      const responseHeaders = new Headers();
      let status = 200;
      const res = {
        setHeader(key: string, value: string | string[]) {
          if (typeof value === "string") responseHeaders.set(key, value);
          else for (const v of value) responseHeaders.append(key, v);
        },
        get statusCode() {
          return status;
        },
        set statusCode(code: number) {
          status = code;
        },
        end(text?: string) {
          const route = `${request.method} ${new URL(request.url).pathname}`;
          resolve(new Response(status >= 400 ? restErrorBody(text, route) : (text ?? null), { status, headers: responseHeaders }));
        },
      };
      handler(req, res).catch(reject);
    });
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

/** JSON bodies are parsed here; an empty body counts as `{}` so a bare POST works. */
function parseBody(request: Request, body: Uint8Array | null): ParsedBody {
  if (body === null) return { ok: true, value: undefined };
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) return { ok: true, value: undefined };
  const text = new TextDecoder().decode(body);
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "unreadable" };
  }
}

/** trpc-to-openapi's error body (error shape + its own fields) → `{ success: false, code, message, issues? }`. */
function restErrorBody(text: string | undefined, route: string): string {
  try {
    const parsed = JSON.parse(text ?? "{}") as { data?: ApiErrorData; message?: string };
    if (parsed.data?.success === false) {
      const { success, code, issues } = parsed.data;
      // The adapter's own message for an unknown route does not name the route.
      const message = code === "NOT_FOUND" && parsed.data.message === "Not found" ? `No route ${route}` : parsed.data.message;
      return JSON.stringify(issues === undefined ? { success, code, message } : { success, code, message, issues });
    }
  } catch {
    // Fall through to a generic body: never pass through something unexpected.
  }
  return JSON.stringify({ success: false, code: "INTERNAL", message: "Internal error" });
}
