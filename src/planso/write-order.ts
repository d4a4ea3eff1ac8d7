/**
 * Order writes: create, update, delete and part checkbox actions, over the contract
 * in `write-contract.ts`. Every save is read back, and the written labels are
 * compared with what the form shows afterwards. Updates, deletes and checkbox actions
 * carry absolute values and may be resent; an insert is never resent blindly.
 */
import { normalizeText } from "../domain/text.ts";
import type { Logger } from "../log.ts";
import { PlansoError } from "./errors.ts";
import { convertValue } from "./map-form.ts";
import type { FormField } from "./parse-form.ts";
import { readForm, type OrderReaderContext } from "./read-order.ts";
import type { ModuleCall } from "./session.ts";
import type { BoardItem, OrderWriteFields, WriteResult } from "./types.ts";
import { encodeWriteFields, type EncodedField } from "./write-fields.ts";
import {
  deleteCall,
  parseWriteResponse,
  partStatusCall,
  saveCall,
  type PartAction,
  type WriteOutcome,
} from "./write-contract.ts";

/** Failures after which an insert may or may not have been saved. */
const UNKNOWN_OUTCOME_KINDS = new Set(["timeout", "upstream_error", "maintenance"]);

export interface WriterContext {
  reader: OrderReaderContext;
  call: (call: ModuleCall) => Promise<unknown>;
  readBoard: () => Promise<BoardItem[]>;
  writesEnabled: boolean;
  baseUrl: string;
  log: Logger;
}

export async function updateOrder(context: WriterContext, id: string, fields: OrderWriteFields): Promise<WriteResult> {
  assertWritesEnabled(context);
  // The form shows which of a field's labels this tenant uses.
  const before = await readForm(context.reader, id);
  const encoded = encode(context, fields, (field) => before.mapped.labels.get(field));
  const outcome = await save(context, id, encoded);
  await verifyReadBack(context, outcome.id, encoded, outcome.ignored);
  context.log.info("planso.order_updated", { order_id: id, labels: encoded.length, ignored: outcome.ignored.length });
  return { id: outcome.id, ignored: outcome.ignored };
}

export async function createOrder(context: WriterContext, fields: OrderWriteFields): Promise<WriteResult> {
  assertWritesEnabled(context);
  const encoded = encode(context, fields, (field) => context.reader.tenantLabels.get(field));
  const plate = encoded.find((field) => field.path === "vehicle_details.number_plate")?.value ?? "";
  // The board before the insert lets an unknown outcome be resolved afterwards.
  const boardBefore = await context.readBoard();

  let outcome: Extract<WriteOutcome, { ok: true }>;
  try {
    outcome = await save(context, null, encoded);
  } catch (error) {
    if (!(error instanceof PlansoError) || !UNKNOWN_OUTCOME_KINDS.has(error.kind)) throw error;
    const adopted = await findInsertedOrder(context, boardBefore, plate);
    if (adopted === null) {
      throw new PlansoError(
        "unknown_outcome",
        `the insert may or may not have been saved (${error.message}); no new order with plate "${plate}" is on the board, so it was not resent`,
        { module: error.details.module, status: error.details.status },
      );
    }
    context.log.warn("planso.insert_adopted", { order_id: adopted, kind: error.kind });
    outcome = { ok: true, id: adopted, ignored: [] };
  }

  await verifyReadBack(context, outcome.id, encoded, outcome.ignored);
  context.log.info("planso.order_created", { order_id: outcome.id, labels: encoded.length, ignored: outcome.ignored.length });
  return { id: outcome.id, ignored: outcome.ignored };
}

export async function deleteOrder(context: WriterContext, id: string): Promise<void> {
  assertWritesEnabled(context);
  let resent = false;
  const body = await context.call({ ...deleteCall(id), onResend: () => (resent = true) });
  const outcome = parseWriteResponse(body, "ID", id);
  if (outcome.ok) {
    context.log.info("planso.order_deleted", { order_id: id });
    return;
  }
  // A resent delete that finds nothing means the first attempt deleted it.
  if (outcome.notFound && resent) {
    context.log.info("planso.order_deleted", { order_id: id, confirmed_by: "retry" });
    return;
  }
  throw rejection(outcome, id, "resourceplanner_delete_project");
}

export async function setPartStatus(
  context: WriterContext,
  orderId: string,
  rowId: string,
  action: PartAction,
  checked: boolean,
): Promise<void> {
  assertWritesEnabled(context);
  const body = await context.call(partStatusCall(orderId, rowId, action, checked));
  const outcome = parseWriteResponse(body, "rowID", rowId);
  if (!outcome.ok) throw rejection(outcome, orderId, "resourceplanner_shop_view_set_part_status");
  context.log.info("planso.part_status_set", { order_id: orderId, row_id: rowId, action, checked });
}

function assertWritesEnabled(context: WriterContext): void {
  if (context.writesEnabled) return;
  throw new PlansoError(
    "writes_disabled",
    `writes to PlanSo at ${context.baseUrl} are disabled, because the write protocol is not verified against a real tenant; set PLANSO_WRITES_ENABLED=true to enable them`,
  );
}

function encode(context: WriterContext, fields: OrderWriteFields, labelFor: (field: string) => string | undefined): EncodedField[] {
  return encodeWriteFields(fields, context.reader.rules, labelFor, context.reader.timeZone);
}

async function save(context: WriterContext, id: string | null, encoded: EncodedField[]) {
  const labels = Object.fromEntries(encoded.map((field) => [field.label, field.value]));
  const body = await context.call(saveCall(context.reader.formTableId, id, labels));
  const outcome = parseWriteResponse(body, "dataID", id);
  if (!outcome.ok) throw rejection(outcome, id ?? undefined, "visual_forms_plain");
  return outcome;
}

function rejection(outcome: Extract<WriteOutcome, { ok: false }>, orderId: string | undefined, module: string): PlansoError {
  const subject = orderId === undefined ? "the new order" : `order ${orderId}`;
  if (outcome.notFound) return new PlansoError("not_found", `${subject} not found: ${outcome.message}`, { module, orderId });
  const reasons = Object.entries(outcome.fieldErrors).map(([label, reason]) => `${label}: ${reason}`);
  const suffix = reasons.length > 0 ? ` (${reasons.join("; ")})` : "";
  return new PlansoError("rejected", `PlanSo rejected the write to ${subject}: ${outcome.message || "no reason given"}${suffix}`, {
    module,
    orderId,
    fieldErrors: outcome.fieldErrors,
  });
}

/**
 * Finds the order an insert created although its response was lost: a board entry
 * absent before whose short name is the written plate. Null unless exactly one fits.
 */
async function findInsertedOrder(context: WriterContext, before: BoardItem[], plate: string): Promise<string | null> {
  const key = plateKey(plate);
  if (key === "") return null;
  const known = new Set(before.map((item) => item.id));
  const after = await context.readBoard();
  const candidates = after.filter((item) => !known.has(item.id) && plateKey(item.short_name ?? "") === key);
  return candidates.length === 1 ? candidates[0]!.id : null;
}

/** Plate matching key: upper case without spaces, hyphens, dashes and dots. */
function plateKey(plate: string): string {
  return plate.normalize("NFC").toUpperCase().replace(/[\s\-–.]/g, "");
}

/** Reads the form back and fails with the labels whose value differs from what was written. */
async function verifyReadBack(context: WriterContext, id: string, encoded: EncodedField[], ignored: string[]): Promise<void> {
  const after = await readForm(context.reader, id);
  const byLabel = new Map(after.fields.map((field) => [field.label, field]));
  const skipped = new Set(ignored);
  const differing: Record<string, string> = {};
  for (const field of encoded) {
    if (skipped.has(field.label)) continue;
    const read = byLabel.get(field.label);
    if (read === undefined) differing[field.label] = "missing from the form after the save";
    else if (!sameValue(field, read, context.reader.timeZone)) differing[field.label] = "reads back a different value";
  }
  const labels = Object.keys(differing);
  if (labels.length > 0) {
    throw new PlansoError("upstream_error", `PlanSo accepted the write to order ${id}, but the form reads back differently for: ${labels.join(", ")}`, {
      module: "visual_forms_plain",
      orderId: id,
      fieldErrors: differing,
    });
  }
}

/** Checks whether the read-back field contains the written value, compared in its mirror form. */
function sameValue(written: EncodedField, read: FormField, timeZone: string): boolean {
  const asWritten: FormField = { label: written.label, value: written.value, control: "input" };
  switch (written.kind) {
    case "select":
    case "select_value":
    case "select_id":
      if (written.value === "") return normalizeText(read.option?.value ?? read.value) === null;
      return read.option?.value === written.value || normalizeText(read.value) === normalizeText(written.value);
    case "checkbox":
      return (written.value === "1") === (read.value === "True" || read.value === "1");
    case "text":
      return normalizeText(written.value) === normalizeText(read.value);
    default: {
      const expected = convertValue(written.kind, asWritten, timeZone);
      if (expected === null) return normalizeText(written.value) === normalizeText(read.value);
      return expected === convertValue(written.kind, read, timeZone);
    }
  }
}
