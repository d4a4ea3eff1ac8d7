/**
 * REST over the same procedures. Routes, path parameters and the query-string rules
 * come from trpc-to-openapi, which also writes the OpenAPI document, so the
 * document and the dispatch cannot disagree. Its own handler prepares the procedure
 * on every request: it walks the input schema, builds a tRPC caller and goes
 * through a Node-style request and response. This one prepares each procedure once
 * and calls it the way a tRPC caller does.
 *
 * Input follows trpc-to-openapi's rules. GET and DELETE read the query string, where
 * a repeated parameter is an array and numbers and booleans are coerced. Other
 * methods read a JSON body. Path parameters override both.
 */
import { getTRPCErrorFromUnknown, type AnyRouter, type TRPCError } from "@trpc/server";
import {
  acceptsRequestBody,
  coerceSchema,
  createProcedureCache,
  forEachOpenApiProcedure,
  getInputOutputParsers,
  instanceofZodTypeLikeVoid,
  instanceofZodTypeObject,
  normalizePath,
  unwrapZodType,
  type OpenApiMethod,
  type OpenApiProcedure,
} from "trpc-to-openapi";
import type { z } from "zod";

import type { ApiContext } from "../api/context.ts";
import { AppError, toAppError } from "../api/errors.ts";
import type { ApiMeta } from "../api/trpc.ts";
import type { OnProcedure } from "./response-meta.ts";
import { errorResponse } from "./responses.ts";

export interface RestHandlerOptions {
  router: AnyRouter;
  /** Path prefix the REST routes live under, e.g. `/api`. */
  prefix: string;
  onError: (error: TRPCError, ctx: ApiContext | undefined, path: string | undefined) => void;
  onProcedure: OnProcedure;
}

export type RestHandler = (request: Request, ctx: ApiContext, body: Uint8Array<ArrayBuffer> | null) => Promise<Response>;

/** Per-procedure facts a request needs, worked out when the handler is created. */
interface PreparedProcedure {
  /** False for `z.void()` inputs: the procedure gets `undefined`. */
  takesInput: boolean;
  /** Input fields that are arrays; a single query value becomes a one-element array. */
  arrayFields: ReadonlySet<string>;
  meta: ApiMeta | undefined;
}

/** Signature of a tRPC procedure as its server-side caller (`createCaller`) invokes it. */
type ProcedureCall = (opts: { ctx: ApiContext; getRawInput: () => Promise<unknown>; path: string; type: string; signal: AbortSignal }) => Promise<unknown>;

export function createRestHandler(options: RestHandlerOptions): RestHandler {
  const findProcedure = createProcedureCache(options.router);
  // Prepared up front, because preparing coerces the input schema, which tRPC calls share.
  const prepared = new Map<OpenApiProcedure, PreparedProcedure>();
  forEachOpenApiProcedure(options.router._def.procedures, ({ procedure }) => {
    prepared.set(procedure, prepareProcedure(procedure));
  });

  return async (request, ctx, body) => {
    const url = new URL(request.url);
    // HEAD runs the GET operation, and the server sends its headers without the body.
    const method = request.method === "HEAD" ? "GET" : (request.method as OpenApiMethod);
    const match = findProcedure(method, normalizePath(url.pathname.slice(options.prefix.length)));
    if (match?.procedure === undefined) {
      return errorResponse(new AppError("NOT_FOUND", `No route ${request.method} ${url.pathname}`));
    }
    const { procedure, path, type } = match.procedure;
    const { takesInput, arrayFields, meta } = prepared.get(procedure)!;
    options.onProcedure(ctx, [path]);

    try {
      const fields = acceptsRequestBody(method) ? jsonBody(request, body) : queryFields(url, arrayFields);
      const input = takesInput ? { ...fields, ...match.pathInput } : undefined;
      const call = procedure as unknown as ProcedureCall;
      const output = await call({ ctx, getRawInput: async () => input, path, type, signal: request.signal });
      const etag = meta?.etag?.(output) ?? null;
      // Response.json serialises in native code; building the string first and
      // passing it to new Response cost about 10 µs of CPU per plate search.
      return Response.json(output, {
        status: meta?.successStatus ?? 200,
        headers: etag === null ? undefined : { ETag: etag },
      });
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      options.onError(error, ctx, path);
      return errorResponse(toAppError(error));
    }
  };
}

function prepareProcedure(procedure: OpenApiProcedure): PreparedProcedure {
  const meta = procedure._def.meta as ApiMeta | undefined;
  const { inputParser } = getInputOutputParsers(procedure);
  const schema = unwrapZodType(inputParser, true) as z.ZodType;
  const arrayFields = new Set<string>();
  if (instanceofZodTypeObject(schema)) {
    for (const [key, field] of Object.entries((schema as z.ZodObject).shape)) {
      if (isArraySchema(field as z.ZodType)) arrayFields.add(key);
    }
    // Query strings carry only text, so numbers and booleans there are coerced.
    // Bodies are JSON and keep their types.
    if (!acceptsRequestBody(meta?.openapi?.method ?? "GET")) coerceSchema(schema as never);
  }
  return { takesInput: !instanceofZodTypeLikeVoid(schema), arrayFields, meta };
}

function isArraySchema(schema: z.ZodType): boolean {
  const def = schema._zod.def;
  if (def.type === "array") return true;
  return def.type === "optional" && (def as unknown as { innerType: z.ZodType }).innerType._zod.def.type === "array";
}

/** Converts query parameters to fields: a repeated parameter, or any value of an array field, becomes an array. */
function queryFields(url: URL, arrayFields: ReadonlySet<string>): Record<string, unknown> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = fields[key];
    if (seen === undefined) fields[key] = arrayFields.has(key) ? [value] : value;
    else if (Array.isArray(seen)) seen.push(value);
    else fields[key] = [seen, value];
  }
  return fields;
}

/**
 * Parses the JSON body into an object of fields. A bare request (no body, no
 * Content-Type) and an empty body count as `{}`, so `POST /api/sync` needs no body.
 */
function jsonBody(request: Request, body: Uint8Array | null): Record<string, unknown> {
  const type = request.headers.get("content-type");
  const empty = body === null || body.byteLength === 0;
  if (type === null && empty) return {};
  if (type === null || !type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
  }
  const text = empty ? "" : new TextDecoder().decode(body);
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Request body is not valid JSON: ${error instanceof Error ? error.message : "unreadable"}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("BAD_REQUEST", "Request body must be a JSON object with the operation's fields");
  }
  return value as Record<string, unknown>;
}
