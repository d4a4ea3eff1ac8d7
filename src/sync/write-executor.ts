/**
 * The write-through executor: runs one order write in the worker. It calls PlanSo
 * first, reads the order back from PlanSo, and stores that read (not the request) in
 * one transaction with its `changes` row. When PlanSo rejects or fails, the mirror
 * stays as it was. The host runs writes one at a time.
 */
import type { Logger } from "../log.ts";
import { createOrder } from "./write-create.ts";
import { deleteOrder } from "./write-delete.ts";
import type { WriteHandler } from "./write-handler.ts";
import { parseWriteCommand, type WriteOutcome } from "./write-messages.ts";
import { updateOrder } from "./write-update.ts";

export const executeWrite: WriteHandler = async (payload, context): Promise<WriteOutcome> => {
  const command = parseWriteCommand(payload);
  const log = context.log.child({ write: command.op });
  const outcome = await (async () => {
    switch (command.op) {
      case "create":
        return createOrder(command, { ...context, log });
      case "update":
        return updateOrder(command, { ...context, log });
      case "delete":
        return deleteOrder(command, { ...context, log });
    }
  })().catch((error: unknown) => {
    log.warn("order_write_failed", { order_id: "order_id" in command ? command.order_id : undefined, error });
    throw error;
  });
  logOutcome(context.log, command.op, outcome);
  return outcome;
};

function logOutcome(log: Logger, op: string, outcome: WriteOutcome): void {
  switch (outcome.status) {
    case "ok":
      log.info("order_written", { write: op, order_id: outcome.order_id, version: outcome.order?.version ?? null, changed_fields: outcome.changed_fields });
      return;
    case "saved_not_mirrored":
      log.warn("order_written_not_mirrored", { write: op, order_id: outcome.order_id, message: outcome.message });
      return;
    case "replayed":
      log.info("order_write_replayed", { write: op, http_status: outcome.http_status });
      return;
    case "precondition_failed":
    case "conflict":
      log.info("order_write_refused", { write: op, status: outcome.status, message: outcome.message });
      return;
  }
}
