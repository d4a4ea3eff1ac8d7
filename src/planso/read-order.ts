/**
 * Reads one order: the form, and when asked the parts tab (with its follow-ups) and
 * the extended tabs. The form must succeed. A failed parts or tab read is recorded
 * in `failed_sections` and leaves that section out, so the caller keeps its old
 * data for it. Login, session, rate-limit and maintenance failures still abort the
 * whole read.
 */
import { Temporal } from "temporal-polyfill";

import type { Logger } from "../log.ts";
import { buildOrder } from "./build-order.ts";
import { centerContent, htmlContent, scriptText } from "./envelope.ts";
import { PlansoError, type PlansoErrorKind } from "./errors.ts";
import type { LabelRule } from "./labels.ts";
import { mapFormFields, type MappedForm } from "./map-form.ts";
import { extendedTabCall, formCall, partsCall } from "./modules.ts";
import { parseExtendedTab } from "./parse-extended.ts";
import { parseFormFields, type FormField } from "./parse-form.ts";
import { applyFollowUpEtas, findFollowUpCalls } from "./parse-follow-ups.ts";
import { parsePartsTab, type PartsTab } from "./parse-parts.ts";
import type { ModuleCall } from "./session.ts";
import type { BoardItem, FailedSection, ReadOrderOptions, UpstreamOrder } from "./types.ts";

/** Failures that affect one order's section only; any other failure aborts the read. */
const SECTION_FAILURES: ReadonlySet<PlansoErrorKind> = new Set(["not_found", "parse_error", "upstream_error", "timeout"]);

export interface OrderReaderContext {
  call: (call: ModuleCall) => Promise<unknown>;
  formTableId: string;
  rules: readonly LabelRule[];
  timeZone: string;
  /** Extended tab names to read when `withExtended` is set. */
  extendedTabs: readonly string[];
  log: Logger;
  loggedUnknownLabels: Set<string>;
  loggedUnparsedLabels: Set<string>;
  /** Rule field → label most recently found on any form, so inserts use the tenant's labels. */
  tenantLabels: Map<string, string>;
  /** Today's date in the tenant's zone, for the rental car booking month. */
  today: () => Temporal.PlainDate;
}

export interface FormRead {
  fields: FormField[];
  mapped: MappedForm;
}

/**
 * Reads and maps the form. An envelope without `center.content`, or content without
 * fields, is a `parse_error`. Empty content is what PlanSo returns for an unknown id,
 * so it is `not_found`, unless `board` shows the order exists (then `parse_error`).
 */
export async function readForm(context: OrderReaderContext, id: string, board?: BoardItem): Promise<FormRead> {
  const body = await context.call(formCall(id, context.formTableId));
  const content = centerContent(body);
  const details = { module: "visual_forms_plain", orderId: id };
  if (content === undefined) {
    throw new PlansoError("parse_error", `order ${id}: the form response has no center.content`, details);
  }
  if (content.trim() === "") {
    if (board === undefined) throw new PlansoError("not_found", `order ${id} not found: PlanSo returned an empty form`, details);
    throw new PlansoError("parse_error", `order ${id}: PlanSo returned an empty form for an order on the board`, details);
  }
  const fields = parseFormFields(content, context.log.child({ order_id: id }));
  if (fields.length === 0) {
    throw new PlansoError("parse_error", `order ${id}: the form has no labelled fields`, details);
  }
  const mapped = mapFormFields(fields, {
    rules: context.rules,
    timeZone: context.timeZone,
    log: context.log,
    loggedUnknownLabels: context.loggedUnknownLabels,
    loggedUnparsedLabels: context.loggedUnparsedLabels,
    orderId: id,
  });
  for (const [field, label] of mapped.labels) context.tenantLabels.set(field, label);
  return { fields, mapped };
}

/**
 * Reads the parts tab and fills expected delivery dates from its follow-up modules.
 * A failed follow-up leaves those dates null and goes to `onFollowUpFailure`.
 */
export async function readParts(
  context: OrderReaderContext,
  id: string,
  onFollowUpFailure: (error: unknown) => void,
): Promise<PartsTab> {
  const body = await context.call(partsCall(id));
  const html = htmlContent(body);
  const details = { module: "resourceplanner_shop_view_get_parts", orderId: id };
  if (html === undefined || html.trim() === "") {
    throw new PlansoError("parse_error", `order ${id}: the parts response has no html`, details);
  }
  let tab: PartsTab;
  try {
    tab = parsePartsTab(html, context.log, id);
  } catch (error) {
    throw new PlansoError("parse_error", `order ${id}: ${(error as Error).message}`, details);
  }

  if (tab.parts.length > 0) {
    for (const followUp of findFollowUpCalls(scriptText(body))) {
      try {
        const result = await context.call({
          module: followUp.module,
          method: "GET",
          params: [...followUp.params.filter(([key]) => key !== "projectID"), ["projectID", id]],
          orderId: id,
        });
        applyFollowUpEtas(tab.parts, result);
      } catch (error) {
        onFollowUpFailure(error);
      }
    }
  }
  return tab;
}

export async function readOrder(context: OrderReaderContext, id: string, options: ReadOrderOptions): Promise<UpstreamOrder> {
  const failures: FailedSection[] = [];
  const recordFailure = (section: string) => (error: unknown) => {
    if (!(error instanceof PlansoError) || !SECTION_FAILURES.has(error.kind)) throw error;
    context.log.warn("planso.section_failed", { order_id: id, section, kind: error.kind, error });
    failures.push({ section, kind: error.kind, message: error.message });
    return null;
  };

  const [{ mapped: form }, partsTab] = await Promise.all([
    readForm(context, id, options.board),
    options.withParts ? readParts(context, id, recordFailure("parts.follow_up")).catch(recordFailure("parts")) : Promise.resolve(null),
  ]);

  let extended: Record<string, unknown> | null = null;
  if (options.withExtended) {
    extended = {};
    const shopDate = (form.values.get("shop_date") as string | null | undefined) ?? null;
    const repairDate = (form.values.get("repair_date") as string | null | undefined) ?? null;
    // Rental car bookings are read for the month the repair starts in, else this month.
    const anchor = shopDate ?? repairDate;
    const bookingMonth = (anchor ? Temporal.PlainDate.from(anchor) : context.today()).with({ day: 1 }).toString();
    const input = { orderId: id, shopDate, bookingMonth, timeZone: context.timeZone };
    const tabs = await Promise.all(
      context.extendedTabs.map(async (name) => {
        const call = extendedTabCall(name, input);
        if (call === null) return [name, null] as const;
        try {
          return [name, parseExtendedTab(await context.call(call))] as const;
        } catch (error) {
          const failure =
            error instanceof PlansoError
              ? error
              : new PlansoError("parse_error", `order ${id}: tab ${name}: ${(error as Error).message}`, { module: call.module, orderId: id });
          return [name, recordFailure(`extended.${name}`)(failure)] as const;
        }
      }),
    );
    for (const [name, tab] of tabs) if (tab !== null) extended[name] = tab;
  }

  const order = buildOrder({ id, form, board: options.board, partsTab, extended });
  if (failures.length > 0) order.failed_sections = failures;
  return order;
}
