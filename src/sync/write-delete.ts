/**
 * `delete`: check the expected version, delete the order in PlanSo, and mark it
 * deleted in the mirror. The row keeps its data and is hidden from listings unless
 * they ask for deleted orders.
 */
import { tombstoneOrder } from "../db/mirror-writer.ts";
import { getOrder } from "../db/queries/get-order.ts";
import { isoNow } from "./engine.ts";
import type { WriteContext } from "./write-handler.ts";
import type { WriteCommand, WriteOutcome } from "./write-messages.ts";
import { checkExpectedVersion, readStoredState } from "./write-preconditions.ts";

export async function deleteOrder(command: Extract<WriteCommand, { op: "delete" }>, context: WriteContext): Promise<WriteOutcome> {
  const { db, api } = context;
  const id = command.order_id;
  const endWrite = context.writes.begin(id);
  try {
    const stored = readStoredState(db, id);
    const failedPrecondition = await checkExpectedVersion(api, id, stored, command.expected_version);
    if (failedPrecondition !== null) return failedPrecondition;

    await api.deleteOrder(id);

    const now = isoNow(context.clock);
    return db.$client
      .transaction((): WriteOutcome => {
        const marked = tombstoneOrder(db, id, { runId: null, source: "api", now });
        const order = getOrder(db, { order_id: Number(id) });
        let message = `Order ${id} deleted in PlanSo and marked deleted in the mirror`;
        if (order === null) message = `Order ${id} deleted in PlanSo; the mirror had never stored it`;
        else if (marked === null) message = `Order ${id} deleted in PlanSo; the mirror had already marked it deleted`;
        return { status: "ok", op: "delete", order_id: id, message, order, changed_fields: [] };
      })
      .immediate();
  } finally {
    endWrite();
  }
}
