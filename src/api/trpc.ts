/**
 * tRPC initialisation: context and meta types, the error formatter and the procedure
 * ladder (public → read → write → admin, each scope including the ones before it).
 * Procedures are built only from the exports here.
 */
import { initTRPC } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";

import type { ApiContext, Scope } from "./context.ts";
import { AppError, errorBody, toAppError, type ErrorBody } from "./errors.ts";

/** Per-procedure metadata: the REST mapping plus what the HTTP layer adds around it. */
export type ApiMeta = OpenApiMeta<{
  /** HTTP status of a successful REST response, when not 200 (e.g. 202 for sync.trigger). */
  successStatus?: number;
  /** ETag of a successful response, from its output (orders.get sends the order version). */
  etag?: (output: unknown) => string | null;
}>;

/** `error.data` over tRPC: the REST error body plus the HTTP status. */
export interface ApiErrorData extends ErrorBody {
  http_status: number;
  request_id: string | null;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    // Set explicitly, because tRPC otherwise puts stack traces into error bodies.
    isDev: false,
    errorFormatter({ shape, error, ctx }) {
      const app = toAppError(error);
      const data: ApiErrorData = { ...errorBody(app), http_status: app.status, request_id: ctx?.requestId ?? null };
      return { code: shape.code, message: app.message, data };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

export const AUTH_MESSAGES = {
  missing: "Missing API key: send Authorization: Bearer <key>",
  unknown: "Unknown API key",
  malformed: "Malformed Authorization header: expected Bearer <key>",
} as const;

/**
 * Checks the caller's scope (when one is needed), then maps whatever the resolver or
 * input parser throws to an AppError with the right tRPC code, so HTTP status and
 * body agree on both transports. Tests also check the output here (`checkOutput`).
 * All of this is one middleware because tRPC copies the context for each middleware
 * on every call.
 */
function guard(scope: Scope | null) {
  return t.middleware(async ({ ctx, next, path }) => {
    if (scope !== null) {
      const principal = ctx.principal;
      if (principal === null) {
        throw new AppError("UNAUTHORIZED", AUTH_MESSAGES[ctx.authProblem ?? "missing"]).toTRPCError();
      }
      if (RANK[principal.scope] < RANK[scope]) {
        throw new AppError("FORBIDDEN", `API key ${principal.id} has scope ${principal.scope}; this operation needs ${scope}`).toTRPCError();
      }
    }
    const result = await next();
    if (!result.ok) throw toAppError(result.error).toTRPCError();
    ctx.checkOutput?.(path, result.data);
    return result;
  });
}

export const publicProcedure = t.procedure.use(guard(null));
export const readProcedure = t.procedure.use(guard("read"));
export const writeProcedure = t.procedure.use(guard("write"));
export const adminProcedure = t.procedure.use(guard("admin"));
