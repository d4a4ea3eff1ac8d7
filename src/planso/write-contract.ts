/**
 * PlanSo's write protocol. No public client writes over HTTP, so every module name,
 * parameter, body encoding and response shape here is the project's assumption.
 * It is kept in this one module so that correcting it against a real tenant (for
 * example from a recorded browser save) changes nothing else in the client.
 *
 * - Save: `POST visual_forms_plain` with `submode=update&dataID=<id>` (insert:
 *   `submode=insert&dataID=`) and the body `fields=<JSON label → string>`.
 *   Response `{"success":true,"dataID":"…","ignored":[…]}`, or `success:false`
 *   with `message` and per-label `errors`.
 * - Delete: `POST resourceplanner_delete_project&ID=<id>` with an empty body.
 * - Part checkbox: `POST resourceplanner_shop_view_set_part_status&ID&rowID&action&checked`.
 * - An unknown id gets `{"success":false,"message":"Datensatz nicht gefunden"}`.
 */
import { asRecord } from "./envelope.ts";
import { FORM_CALLBACK_CLASS, FORM_MODULE } from "./modules.ts";
import type { ModuleCall } from "./session.ts";

export const DELETE_MODULE = "resourceplanner_delete_project";
export const PART_STATUS_MODULE = "resourceplanner_shop_view_set_part_status";
export const NOT_FOUND_MESSAGE = "Datensatz nicht gefunden";

/** Checkbox actions of the parts table. */
export const PART_ACTIONS = ["order_parts", "bestellt", "delivered", "ruckstand", "mandatory", "price_checked"] as const;
export type PartAction = (typeof PART_ACTIONS)[number];

export type WriteOutcome =
  | { ok: true; id: string; ignored: string[] }
  | { ok: false; notFound: boolean; message: string; fieldErrors: Record<string, string> };

/** Builds a form save call; `orderId` null inserts a new order. */
export function saveCall(formTableId: string, orderId: string | null, fields: Record<string, string>): ModuleCall {
  return {
    module: FORM_MODULE,
    method: "POST",
    params: [
      ["tableID", formTableId],
      ["submode", orderId === null ? "insert" : "update"],
      ["dataID", orderId ?? ""],
      ["call_back_class", FORM_CALLBACK_CLASS],
      ["callback", ""],
    ],
    form: [["fields", JSON.stringify(fields)]],
    orderId: orderId ?? undefined,
    retry: orderId === null ? "no-resend" : "resend",
  };
}

export function deleteCall(orderId: string): ModuleCall {
  return { module: DELETE_MODULE, method: "POST", params: [["ID", orderId]], orderId };
}

export function partStatusCall(orderId: string, rowId: string, action: PartAction, checked: boolean): ModuleCall {
  return {
    module: PART_STATUS_MODULE,
    method: "POST",
    params: [
      ["ID", orderId],
      ["rowID", rowId],
      ["action", action],
      ["checked", checked ? "1" : "0"],
    ],
    orderId,
  };
}

/**
 * Reads a write response. `idKey` names the field carrying the id (`dataID` for
 * saves, `ID` for deletes, `rowID` for part actions); `fallbackId` is used when the
 * response omits it.
 */
export function parseWriteResponse(body: unknown, idKey: "dataID" | "ID" | "rowID", fallbackId: string | null): WriteOutcome {
  const record = asRecord(body);
  if (!record || typeof record.success !== "boolean") {
    return { ok: false, notFound: false, message: "the write response has no success flag", fieldErrors: {} };
  }
  const message = typeof record.message === "string" ? record.message : "";
  if (!record.success) {
    const errors = asRecord(record.errors) ?? {};
    const fieldErrors = Object.fromEntries(
      Object.entries(errors).map(([label, reason]) => [label, typeof reason === "string" ? reason : JSON.stringify(reason)]),
    );
    return { ok: false, notFound: message.includes(NOT_FOUND_MESSAGE), message, fieldErrors };
  }
  const rawId = record[idKey];
  const id = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : fallbackId;
  if (id === null || id === "") {
    return { ok: false, notFound: false, message: `the write response has no ${idKey}`, fieldErrors: {} };
  }
  const ignored = Array.isArray(record.ignored) ? record.ignored.filter((label): label is string => typeof label === "string") : [];
  return { ok: true, id, ignored };
}
