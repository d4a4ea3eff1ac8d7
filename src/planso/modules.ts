/**
 * Read modules of PlanSo's `/do` endpoint with their methods and query parameters,
 * as PlanSo's browser application sends them. Write modules live in
 * `write-contract.ts`.
 */
import { Temporal } from "temporal-polyfill";

import type { ModuleCall } from "./session.ts";

export const BOARD_MODULE = "resourceplanner_get_project_stations";
export const FORM_MODULE = "visual_forms_plain";
export const FORM_CALLBACK_CLASS = "resourceplanner_single_project_wrapper";

export function boardCall(): ModuleCall {
  return { module: BOARD_MODULE, method: "POST", params: [["filterID", ""]] };
}

export function employeesCall(orderId: string): ModuleCall {
  return {
    module: "resourceplanner_shop_view_single",
    method: "GET",
    params: [["svsurl", "false"], ["ID", orderId], ["opentab", ""]],
    orderId,
  };
}

/** Builds the order form call. With a `fields` body the same module saves (see `write-contract.ts`). */
export function formCall(orderId: string, formTableId: string): ModuleCall {
  return {
    module: FORM_MODULE,
    method: "POST",
    params: [
      ["tableID", formTableId],
      ["submode", "update"],
      ["dataID", orderId],
      ["call_back_class", FORM_CALLBACK_CLASS],
      ["callback", ""],
    ],
    orderId,
  };
}

export function partsCall(orderId: string): ModuleCall {
  return { module: "resourceplanner_shop_view_get_parts", method: "GET", params: [["ID", orderId]], orderId };
}

/** Inputs of an extended tab call beyond the order id. */
export interface ExtendedTabInput {
  orderId: string;
  /** `Werkstattstart`, ISO date; `dist_html` is only called with one. */
  shopDate: string | null;
  /** First day of the month whose rental car bookings are read, ISO date. */
  bookingMonth: string;
  timeZone: string;
}

interface TabSpec {
  module: string;
  params: (input: ExtendedTabInput) => Array<[string, string]> | null;
}

const byId = (module: string): TabSpec => ({ module, params: (input) => [["ID", input.orderId]] });

/** Extended tabs by the name they are stored under. */
export const EXTENDED_TABS: Readonly<Record<string, TabSpec>> = {
  shop_view: {
    module: "resourceplanner_get_shop_view",
    params: (input) => [["get_fields", "false"], ["ID", input.orderId]],
  },
  details: byId("resourceplanner_shop_view_get_details"),
  damagedareas: byId("resourceplanner_shop_view_get_damagedareas"),
  documents: byId("resourceplanner_shop_view_get_documents"),
  images: byId("resourceplanner_shop_view_get_images"),
  invoice: byId("resourceplanner_shop_view_get_invoice"),
  planung: byId("resourceplanner_shop_view_get_planung"),
  projects: byId("resourceplanner_shop_view_get_projects"),
  rental_car: byId("resourceplanner_shop_view_get_rental_car"),
  setting: byId("resourceplanner_shop_view_get_setting"),
  stamped_timings: byId("resourceplanner_shop_view_get_stamped_timings"),
  stats: byId("resourceplanner_shop_view_get_stats"),
  todo_list: byId("resourceplanner_shop_view_get_todo_list"),
  work: byId("resourceplanner_shop_view_get_work"),
  zusammenfassung: byId("resourceplanner_shop_view_get_zusammenfassung"),
  dist_html: {
    module: "resourceplanner_shop_view_get_dist_html",
    params: (input) =>
      input.shopDate === null
        ? null
        : [
            ["shop_date", input.shopDate],
            ["projectID", input.orderId],
          ],
  },
  rental_car_data: {
    module: "resourceplanner_shop_view_get_rental_car_data",
    params: (input) => {
      const from = Temporal.PlainDate.from(input.bookingMonth);
      return [
        ["booked_lei_id", ""],
        ["projectID", input.orderId],
        ["timeshift", String(timeshiftMinutes(from, input.timeZone))],
        ["from", from.toString()],
        ["to", from.add({ months: 1 }).toString()],
      ];
    },
  },
};

/** `documents` and `images` are large, so they are read only when configured. */
export const DEFAULT_EXTENDED_TABS: readonly string[] = Object.keys(EXTENDED_TABS).filter(
  (name) => name !== "documents" && name !== "images",
);

/**
 * Computes the browser's `getTimezoneOffset()` at local midnight of `date`: the
 * minutes to add to local time to get UTC, so -60 in CET and -120 in CEST.
 */
export function timeshiftMinutes(date: Temporal.PlainDate, timeZone: string): number {
  const zoned = date.toZonedDateTime({ timeZone });
  return -Math.round(zoned.offsetNanoseconds / 60e9);
}

/** Builds the call of extended tab `name`; returns null when the order lacks what the tab needs. */
export function extendedTabCall(name: string, input: ExtendedTabInput): ModuleCall | null {
  const spec = EXTENDED_TABS[name];
  if (!spec) return null;
  const params = spec.params(input);
  return params === null ? null : { module: spec.module, method: "GET", params, orderId: input.orderId };
}
