/**
 * Stored first responses of creates that carried an `Idempotency-Key`. A key belongs
 * to one principal (API key id, or `local` without keys) and lives 24 hours. Only the
 * worker writes this table, and its host runs writes one at a time, so no other
 * create with the same key runs between the look-up and the store.
 */
import { and, eq, lt } from "drizzle-orm";

import type { Db } from "../db/connection.ts";
import { idempotencyKeys } from "../db/schema.ts";
import type { Idempotency } from "./write-messages.ts";

/** Lifetime of a key's stored first response, in ms. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredResponse =
  | { kind: "none" }
  | { kind: "replay"; status: number; response: unknown }
  | { kind: "conflict"; createdAt: string };

/** Deletes keys older than the TTL; `now` is an ISO 8601 UTC timestamp. */
export function purgeExpiredKeys(db: Db, now: string): void {
  const cutoff = new Date(Date.parse(now) - IDEMPOTENCY_TTL_MS).toISOString();
  db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).run();
}

/** Looks up a live key: its first response when the body matches, a conflict when it does not. */
export function findStoredResponse(db: Db, idempotency: Idempotency): StoredResponse {
  const row = db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, idempotency.principal), eq(idempotencyKeys.key, idempotency.key)))
    .get();
  if (row === undefined) return { kind: "none" };
  if (row.bodyHash !== idempotency.body_hash) return { kind: "conflict", createdAt: row.createdAt };
  return { kind: "replay", status: row.status, response: row.response };
}

/** Stores the first response of a key; call it inside the transaction that stores the order. */
export function storeResponse(db: Db, idempotency: Idempotency, status: number, response: unknown, now: string): void {
  db.insert(idempotencyKeys)
    .values({
      principal: idempotency.principal,
      key: idempotency.key,
      bodyHash: idempotency.body_hash,
      status,
      response,
      createdAt: now,
    })
    .run();
}
