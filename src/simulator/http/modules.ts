/**
 * The `/do?m=<module>` modules of a logged-in session: the read modules, the extended
 * tabs and the assumed write modules.
 */
import { berlinLocalToIso } from "../calendar.ts";
import { boardOrder, nowLocal } from "../context.ts";
import { applyChanges, checkFields } from "../form/apply-fields.ts";
import { formFunctions, renderForm } from "../form/render-form.ts";
import type { SimOrder } from "../model.ts";
import { setPartStatus } from "../parts/part-actions.ts";
import { PARTS_FOLLOW_UP_MODULE, partsScript, renderPartsHtml } from "../parts/render-parts.ts";
import { createRandom } from "../random.ts";
import { renderBoardBody } from "../render/board.ts";
import { renderEmployeeOptions, singleViewFunctions } from "../render/employees.ts";
import { ID_TABS, renderDistHtml, renderIdTab, renderRentalCarData } from "../render/extended-tabs.ts";
import { errorPage } from "../render/pages.ts";
import type { Runtime } from "../runtime.ts";
import { deleteOrder, insertOrder } from "../tenant-ops.ts";
import { isoDate } from "../calendar.ts";
import type { WriteOutcome } from "./counters.ts";
import { htmlResponse, jsonResponse, rawJsonResponse } from "./responses.ts";

export const WRITE_MODULES = new Set(["resourceplanner_delete_project", "resourceplanner_shop_view_set_part_status"]);

export interface ModuleRequest {
  module: string;
  params: URLSearchParams;
  body: string;
  seq: number;
}

/** Returns the `fields` parameter of a form save, or `undefined` when the request is a read. */
export function formSaveFields(request: ModuleRequest): string | undefined {
  if (request.module !== "visual_forms_plain" || request.body === "") return undefined;
  return new URLSearchParams(request.body).get("fields") ?? undefined;
}

export function isWriteRequest(request: ModuleRequest): boolean {
  return WRITE_MODULES.has(request.module) || formSaveFields(request) !== undefined;
}

/** PlanSo's `execution_time`: a seeded float of seconds. */
function executionTime(rt: Runtime, seq: number): number {
  const seconds = createRandom(rt.ctx.seed, "execution_time", seq).logNormal(0.08, 0.7);
  return Math.round(seconds * 1e9) / 1e9;
}

export function recordWrite(rt: Runtime, request: ModuleRequest, outcome: WriteOutcome, response: unknown): void {
  const params: Record<string, string> = {};
  for (const [key, value] of request.params) if (key !== "m") params[key] = value;
  const raw = formSaveFields(request);
  let fields: Record<string, unknown> | null = null;
  if (raw !== undefined) {
    try {
      const parsed: unknown = JSON.parse(raw);
      fields = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { _raw: raw };
    } catch {
      fields = { _raw: raw };
    }
  }
  rt.writes.push({ seq: request.seq, at: berlinLocalToIso(nowLocal(rt.ctx)), module: request.module, params, fields, outcome, response });
}

export async function dispatchModule(rt: Runtime, request: ModuleRequest): Promise<Response> {
  const ctx = rt.ctx;
  const asHtml = ctx.config.quirks.jsonAsTextHtml;
  const json = (body: unknown) => jsonResponse(body, asHtml);
  const missing = (body: unknown) => (ctx.config.quirks.emptyFormForUnknownId ? json(body) : htmlResponse(errorPage(404), 404));
  const { module, params } = request;
  const order = (name: string): SimOrder | undefined => boardOrder(ctx, params.get(name));

  if (isWriteRequest(request)) {
    rt.counters.writes++;
    return handleWrite(rt, request);
  }

  switch (module) {
    case "resourceplanner_get_project_stations":
      return rawJsonResponse(renderBoardBody(ctx, executionTime(rt, request.seq)), asHtml);
    case "resourceplanner_shop_view_single": {
      const found = order("ID");
      if (!found) return missing({ center: { content: "" } });
      return json({ center: { content: renderEmployeeOptions(ctx, found) }, functions: singleViewFunctions(found) });
    }
    case "visual_forms_plain":
      return readForm(rt, request);
    case "resourceplanner_shop_view_get_parts": {
      const found = order("ID");
      if (!found) return missing({ html: "" });
      return json({ html: renderPartsHtml(ctx, found), js: partsScript(ctx, found) });
    }
    case "resourceplanner_shop_view_get_dist_html": {
      const found = order("projectID");
      if (!found) return missing({ html: "" });
      return json(renderDistHtml(ctx, found, params.get("shop_date") ?? ""));
    }
    case "resourceplanner_shop_view_get_rental_car_data":
      return json(renderRentalCarData(order("projectID"), params.get("from") ?? "", params.get("to") ?? ""));
    case PARTS_FOLLOW_UP_MODULE: {
      if (!ctx.config.quirks.partsFollowUps) return htmlResponse(errorPage(404), 404);
      const found = order("projectID");
      const data = (found?.parts ?? [])
        .filter((part) => part.code === "3" && part.etaDay !== null)
        .map((part) => ({ part_no: part.partNo, eta_date: isoDate(part.etaDay as number) }));
      return json({ data });
    }
    default:
      if (module in ID_TABS) {
        const found = order("ID");
        if (!found) return missing(renderIdTab(ctx, module, undefined));
        return json(renderIdTab(ctx, module, found));
      }
      return htmlResponse(errorPage(404), 404);
  }
}

function readForm(rt: Runtime, request: ModuleRequest): Response {
  const ctx = rt.ctx;
  const { params } = request;
  const json = (body: unknown) => jsonResponse(body, ctx.config.quirks.jsonAsTextHtml);
  const missing = () => (ctx.config.quirks.emptyFormForUnknownId ? json({ center: { content: "" } }) : htmlResponse(errorPage(404), 404));
  if (params.get("tableID") !== ctx.config.formTableId) return missing();
  const found = boardOrder(ctx, params.get("dataID"));
  if (!found) return missing();
  return json({ center: { content: renderForm(ctx, found) }, functions: formFunctions(ctx, found.id) });
}

function handleWrite(rt: Runtime, request: ModuleRequest): Response {
  const ctx = rt.ctx;
  const json = (body: unknown, outcome: WriteOutcome) => {
    recordWrite(rt, request, outcome, body);
    return jsonResponse(body, ctx.config.quirks.jsonAsTextHtml);
  };
  const notFound = { success: false, message: "Datensatz nicht gefunden" };
  const { params } = request;

  if (request.module === "resourceplanner_delete_project") {
    const id = params.get("ID") ?? "";
    if (!boardOrder(ctx, id)) return json(notFound, "not_found");
    deleteOrder(ctx, id);
    return json({ success: true, ID: id }, "applied");
  }

  if (request.module === "resourceplanner_shop_view_set_part_status") {
    const found = boardOrder(ctx, params.get("ID"));
    if (!found) return json(notFound, "not_found");
    const result = setPartStatus(ctx, found, params.get("rowID") ?? "", params.get("action") ?? "", params.get("checked") ?? "");
    return json(result, result.success ? "applied" : "rejected");
  }

  // Form save: `fields` is a JSON object of rendered labels to strings.
  const insert = params.get("submode") === "insert";
  const dataId = insert ? "" : (params.get("dataID") ?? "");
  if (params.get("tableID") !== ctx.config.formTableId) return json(notFound, "not_found");
  const target = insert ? null : boardOrder(ctx, dataId);
  if (!insert && !target) return json(notFound, "not_found");

  let input: unknown;
  try {
    input = JSON.parse(formSaveFields(request) ?? "");
  } catch {
    input = null;
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return json({ success: false, dataID: dataId, message: "Ungültige Eingabe", errors: { fields: "Kein gültiges JSON-Objekt" } }, "rejected");
  }

  const check = checkFields(ctx, target ?? null, input as Record<string, unknown>, { anyLabel: false });
  if (Object.keys(check.errors).length > 0) {
    return json({ success: false, dataID: dataId, message: "Ungültige Eingabe", errors: check.errors }, "rejected");
  }
  if (target) {
    applyChanges(target, check.changes);
    return json({ success: true, dataID: target.id, message: "", ignored: check.ignored }, "applied");
  }
  const created = insertOrder(ctx, check.changes);
  return json({ success: true, dataID: created.id, message: "", ignored: check.ignored }, "applied");
}
