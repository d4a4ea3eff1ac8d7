/**
 * `create`: insert the order in PlanSo, find it on the board, read it back with its
 * parts, and store it. With an idempotency key, a repeat of the same body returns the
 * first response and creates nothing, and the key's response is stored in the same
 * transaction as the order.
 */
import { applyOrder } from "../db/mirror-writer.ts";
import type { UpstreamOrder } from "../planso/types.ts";
import { isoNow } from "./engine.ts";
import { findStoredResponse, purgeExpiredKeys, storeResponse } from "./idempotency-store.ts";
import type { WriteContext } from "./write-handler.ts";
import type { WriteCommand, WriteOutcome } from "./write-messages.ts";
import { savedNotMirrored, storedDetail } from "./write-results.ts";

/** HTTP statuses stored with a key's first response. */
const CREATED = 201;
const BAD_GATEWAY = 502;

export async function createOrder(command: Extract<WriteCommand, { op: "create" }>, context: WriteContext): Promise<WriteOutcome> {
  const { db, api, writes } = context;
  const idempotency = command.idempotency;

  if (idempotency !== undefined) {
    purgeExpiredKeys(db, isoNow(context.clock));
    const stored = findStoredResponse(db, idempotency);
    if (stored.kind === "replay") return { status: "replayed", http_status: stored.status, response: stored.response };
    if (stored.kind === "conflict") {
      return {
        status: "conflict",
        message: `Idempotency-Key ${JSON.stringify(idempotency.key)} was used at ${stored.createdAt} with a different request body; use a new key for a different order. Nothing was written`,
      };
    }
  }

  const { id } = await api.createOrder(command.fields);
  const endWrite = writes.begin(id);
  try {
    let order: UpstreamOrder;
    let onBoard: boolean;
    try {
      const board = (await api.readBoard()).find((item) => item.id === id);
      onBoard = board !== undefined;
      order = await api.readOrder(id, { withParts: true, withExtended: false, board });
    } catch (error) {
      const outcome = savedNotMirrored("created", id, error);
      // The order exists in PlanSo now, so a repeat of this key must not insert another.
      if (idempotency !== undefined) {
        const body = { success: false, code: "UPSTREAM_FAILED", message: outcome.message };
        storeResponse(db, idempotency, BAD_GATEWAY, body, isoNow(context.clock));
      }
      return outcome;
    }

    const now = isoNow(context.clock);
    return db.$client
      .transaction((): WriteOutcome => {
        applyOrder(db, order, { runId: null, source: "api", now, withParts: true, onBoard });
        const outcome: WriteOutcome = {
          status: "ok",
          op: "create",
          order_id: id,
          message: `Order ${id} created in PlanSo and stored in the mirror`,
          order: storedDetail(db, id),
          changed_fields: [],
        };
        if (idempotency !== undefined) {
          const body = { success: true, message: outcome.message, order_id: id, order: outcome.order };
          storeResponse(db, idempotency, CREATED, body, now);
        }
        return outcome;
      })
      .immediate();
  } finally {
    endWrite();
  }
}
