/**
 * Headers around procedure results on the tRPC transport: the ETag a procedure
 * declares in its meta, and `Retry-After` on rate-limit errors. The REST handler
 * reads the same meta itself, with the success status (202 for sync.trigger).
 */
import type { AnyRouter } from "@trpc/server";

import type { ApiContext } from "../api/context.ts";
import { errorHeaders, toAppError } from "../api/errors.ts";
import type { ApiMeta } from "../api/trpc.ts";

interface ResponseMetaArgs {
  paths?: readonly string[];
  data: readonly unknown[];
  errors: readonly unknown[];
  ctx?: unknown;
}

/** Called with the procedure path(s) a request resolved to, for logs and metrics. */
export type OnProcedure = (ctx: ApiContext, paths: readonly string[]) => void;

export function createResponseMeta(router: AnyRouter, onProcedure: OnProcedure) {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: ApiMeta } } | undefined>;

  return ({ paths, data, errors, ctx }: ResponseMetaArgs): { status?: number; headers?: Record<string, string> } => {
    if (ctx !== undefined && paths !== undefined) onProcedure(ctx as ApiContext, paths);
    if (errors.length > 0) return { headers: errorHeaders(toAppError(errors[0])) };
    if (paths === undefined || paths.length !== 1) return {};

    const meta = procedures[paths[0]!]?._def.meta;
    if (meta === undefined) return {};
    const output = (data[0] as { result?: { data?: unknown } } | undefined)?.result?.data;
    const etag = meta.etag?.(output) ?? null;
    return { headers: etag === null ? {} : { ETag: etag } };
  };
}
