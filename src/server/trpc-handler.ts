/** tRPC's own transport on `/trpc/*`, with the official fetch adapter. */
import type { AnyRouter, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import type { ApiContext } from "../api/context.ts";
import { createResponseMeta, type OnProcedure } from "./response-meta.ts";

export interface TrpcHandlerOptions {
  router: AnyRouter;
  /** e.g. `/trpc` */
  endpoint: string;
  onError: (error: TRPCError, ctx: ApiContext | undefined, path: string | undefined) => void;
  onProcedure: OnProcedure;
}

export type TrpcHandler = (request: Request, ctx: ApiContext, body: Uint8Array<ArrayBuffer> | null) => Promise<Response>;

export function createTrpcHandler(options: TrpcHandlerOptions): TrpcHandler {
  const responseMeta = createResponseMeta(options.router, options.onProcedure);
  return (request, ctx, body) =>
    fetchRequestHandler({
      endpoint: options.endpoint,
      // The body was already read (with the size limit); hand the adapter a fresh request.
      req: body === null ? request : new Request(request.url, { method: request.method, headers: request.headers, body }),
      router: options.router,
      createContext: () => ctx,
      responseMeta: responseMeta as never,
      onError: ({ error, ctx: errorCtx, path }) => options.onError(error, errorCtx as ApiContext | undefined, path),
    });
}
