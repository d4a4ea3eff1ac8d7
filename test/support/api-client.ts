/**
 * Calls the API the way clients do: REST with fetch and query strings (arrays as
 * repeated parameters), tRPC with the official client over httpLink.
 */
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";

import type { AppRouter, RouterInputs, RouterOutputs } from "../../src/api/index.ts";

export type Transport = "rest" | "trpc";
export const TRANSPORTS: readonly Transport[] = ["rest", "trpc"];

export type ListOrdersParams = Partial<Record<keyof RouterInputs["orders"]["list"], unknown>>;
export type OrderList = RouterOutputs["orders"]["list"];

/** Status and parsed JSON body of one call, whichever the transport. */
export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export function queryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

export async function restGet<T = unknown>(baseUrl: string, path: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const response = await fetch(`${baseUrl}/api${path}${queryString(params)}`, { headers });
  return { status: response.status, body: (await response.json()) as T };
}

export function trpcClient(baseUrl: string, apiKey?: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} })],
  });
}

/** Runs a tRPC call and returns it as a Reply: the output, or the error's data with its HTTP status. */
export async function trpcReply<T>(call: () => Promise<T>): Promise<Reply<T | Record<string, unknown>>> {
  try {
    return { status: 200, body: await call() };
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { http_status: number; success: false; code: string; message: string; issues?: unknown[] };
    const { http_status, request_id: _id, ...body } = data as typeof data & { request_id?: string };
    return { status: http_status, body };
  }
}

/** `orders.list` over either transport. */
export async function listOrdersVia(transport: Transport, baseUrl: string, params: ListOrdersParams): Promise<Reply<OrderList & Record<string, unknown>>> {
  if (transport === "rest") return restGet(baseUrl, "/orders", params);
  const client = trpcClient(baseUrl);
  return trpcReply(() => client.orders.list.query(params as RouterInputs["orders"]["list"])) as Promise<Reply<OrderList & Record<string, unknown>>>;
}

/** Ids of every order over all pages, following next_cursor. */
export async function allIdsVia(transport: Transport, baseUrl: string, params: ListOrdersParams): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const reply = await listOrdersVia(transport, baseUrl, { ...params, cursor });
    if (reply.status !== 200) throw new Error(`page failed: ${JSON.stringify(reply.body)}`);
    ids.push(...reply.body.orders.map((o) => o.id));
    if (reply.body.next_cursor === null) return ids;
    cursor = reply.body.next_cursor;
  }
  throw new Error("paging did not end");
}
