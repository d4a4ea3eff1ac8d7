/**
 * `update`: check the expected version, save only the given fields in PlanSo, read
 * the order back with its parts, and store that read.
 */
import { applyOrder } from "../db/mirror-writer.ts";
import type { BoardItem, UpstreamOrder } from "../planso/types.ts";
import { isoNow } from "./engine.ts";
import type { WriteContext } from "./write-handler.ts";
import type { WriteCommand, WriteOutcome } from "./write-messages.ts";
import { checkExpectedVersion, readStoredState } from "./write-preconditions.ts";
import { savedNotMirrored, storedDetail } from "./write-results.ts";

export async function updateOrder(command: Extract<WriteCommand, { op: "update" }>, context: WriteContext): Promise<WriteOutcome> {
  const { db, api } = context;
  const id = command.order_id;
  const endWrite = context.writes.begin(id);
  try {
    const stored = readStoredState(db, id);
    const failedPrecondition = await checkExpectedVersion(api, id, stored, command.expected_version);
    if (failedPrecondition !== null) return failedPrecondition;

    await api.updateOrder(id, command.fields);

    let order: UpstreamOrder;
    let onBoard: boolean;
    try {
      let board: BoardItem | undefined;
      if (stored !== null && stored.deletedAt === null) {
        board = stored.board;
        onBoard = stored.onBoard;
      } else {
        board = (await api.readBoard()).find((item) => item.id === id);
        onBoard = board !== undefined;
      }
      order = await api.readOrder(id, { withParts: true, withExtended: false, board });
    } catch (error) {
      return savedNotMirrored("updated", id, error);
    }

    const now = isoNow(context.clock);
    return db.$client
      .transaction((): WriteOutcome => {
        const applied = applyOrder(db, order, { runId: null, source: "api", now, withParts: true, onBoard });
        const changed = applied.kind === "created" ? [] : applied.changedFields;
        return {
          status: "ok",
          op: "update",
          order_id: id,
          message:
            applied.kind === "unchanged"
              ? `Order ${id} saved in PlanSo; the stored order did not change`
              : `Order ${id} updated in PlanSo and in the mirror`,
          order: storedDetail(db, id),
          changed_fields: changed,
        };
      })
      .immediate();
  } finally {
    endWrite();
  }
}
