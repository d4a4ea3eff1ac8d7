/**
 * Status and headers around procedure results, for both transports: the REST
 * success status a procedure declares (202 for sync.trigger), its ETag, and
 * `Retry-After` on rate-limit errors. Each procedure's meta sets them.
 */
import type { AnyRouter } from "@trpc/server";

import type { ApiContext } from "../api/context.ts";
import { errorHeaders, toAppError } from "../api/errors.ts";
import type { ApiMeta } from "../api/trpc.ts";

export type Transport = "rest" | "trpc";

interface ResponseMetaArgs {
  paths?: readonly string[];
  data: readonly unknown[];
  errors: readonly unknown[];
  ctx?: unknown;
}

/** Called with the procedure path(s) a request resolved to, for logs and metrics. */
export type OnProcedure = (ctx: ApiContext, paths: readonly string[]) => void;

export function createResponseMeta(router: AnyRouter, transport: Transport, onProcedure: OnProcedure) {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: ApiMeta } } | undefined>;

  return ({ paths, data, errors, ctx }: ResponseMetaArgs): { status?: number; headers?: Record<string, string> } => {
    if (ctx !== undefined && paths !== undefined) onProcedure(ctx as ApiContext, paths);
    if (errors.length > 0) return { headers: errorHeaders(toAppError(errors[0])) };
    if (paths === undefined || paths.length !== 1) return {};

    const meta = procedures[paths[0]!]?._def.meta;
    if (meta === undefined) return {};
    // REST hands over the output itself; tRPC its response envelope.
    const output = transport === "rest" ? data[0] : (data[0] as { result?: { data?: unknown } } | undefined)?.result?.data;
    const etag = meta.etag?.(output) ?? null;
    return {
      status: transport === "rest" ? meta.successStatus : undefined,
      headers: etag === null ? {} : { ETag: etag },
    };
  };
}
