/**
 * The extended tabs of an order. Their real contents were never observed, so the
 * simulator serves small, plausible HTML built from the order, enough for clients to
 * exercise the envelope handling (`html` string, `html` blocks object, `files`, `data`).
 */
import { SECONDS_PER_DAY, dayFromCivil, isoWeekday } from "../calendar.ts";
import { nowLocal, type SimContext } from "../context.ts";
import { formatDate, formatDateTime, formatFixed, formatMoney } from "../format.ts";
import { selectOptions } from "../form/select-options.ts";
import { partTotalCents, type SimOrder } from "../model.ts";
import { createRandom } from "../random.ts";
import { escaper, type Escape } from "./html.ts";

/** Extended tab modules that take `ID`, with the block name used by `htmlBlocksObject`. */
export const ID_TABS: Record<string, string> = {
  resourceplanner_get_shop_view: "shop_view",
  resourceplanner_shop_view_get_details: "details",
  resourceplanner_shop_view_get_damagedareas: "damagedareas",
  resourceplanner_shop_view_get_documents: "documents",
  resourceplanner_shop_view_get_images: "images",
  resourceplanner_shop_view_get_invoice: "invoice",
  resourceplanner_shop_view_get_planung: "planung",
  resourceplanner_shop_view_get_projects: "projects",
  resourceplanner_shop_view_get_rental_car: "rental_car",
  resourceplanner_shop_view_get_setting: "settings",
  resourceplanner_shop_view_get_stamped_timings: "stamped_timings",
  resourceplanner_shop_view_get_stats: "stats",
  resourceplanner_shop_view_get_todo_list: "todo_list",
  resourceplanner_shop_view_get_work: "work",
  resourceplanner_shop_view_get_zusammenfassung: "zusammenfassung",
};

/** Net hourly rates in euros (German insurers' association averages for 2022). */
const RATE_BODY = 173;
const RATE_PAINT = 188;

const hours = (order: SimOrder, key: string): number => Number((order.values[key] ?? "").replace(",", ".")) || 0;
const dayOf = (value: string | undefined): number | null => {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value ?? "");
  return match ? dayFromCivil(Number(match[3]), Number(match[2]), Number(match[1])) : null;
};
const optionText = (order: SimOrder, key: string): string => {
  const value = order.values[key] ?? "";
  return selectOptions(key, order.values).find((option) => option.value === value && value !== "")?.text ?? "";
};

function fieldRows(esc: Escape, rows: readonly (readonly [string, string])[]): string {
  return rows.map(([label, value]) => `<div class="field"><label>${esc(label)}</label><span>${esc(value)}</span></div>`).join("");
}

function table(esc: Escape, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${esc(cell)}</td>`).join("")}</tr>`).join("");
  return `<table class="table">${head}${body}</table>`;
}

interface Stamp {
  employee: string;
  department: string;
  from: number;
  to: number;
}

/** Time-clock stamps on working days from the shop start up to today or completion. */
function stamps(ctx: SimContext, order: SimOrder): Stamp[] {
  const start = dayOf(order.values.shop_date);
  if (start === null) return [];
  const today = Math.floor(nowLocal(ctx) / SECONDS_PER_DAY);
  const end = Math.min(today - 1, dayOf(order.values.finish_date) ?? today - 1);
  const r = createRandom(ctx.seed, "stamps", order.id);
  const list: Stamp[] = [];
  for (let day = start; day <= end && list.length < 20; day++) {
    if (isoWeekday(day) > 5) continue;
    const employee = r.pick(ctx.tenant.employees).name;
    const department = day < (dayOf(order.values["details.paint_date"]) ?? end + 1) ? "Karosserie" : "Lack";
    const from = day * SECONDS_PER_DAY + (7 * 4 + r.int(2, 6)) * 900;
    list.push({ employee, department, from, to: from + r.int(8, 28) * 900 });
  }
  return list;
}

function tabHtml(ctx: SimContext, module: string, order: SimOrder, esc: Escape): string {
  const v = order.values;
  switch (module) {
    case "resourceplanner_get_shop_view":
      return (
        `<div class="shop_view"><h2>${esc(v.plate ?? "")}</h2><div class="customer">${esc(v.person ?? "")}</div>` +
        `<div class="vehicle">${esc(v["vehicle.model"] ?? "")}</div><div class="status">${esc(v.project_status ?? "")}</div>` +
        `<div class="station">Station ${order.station}</div></div>`
      );
    case "resourceplanner_shop_view_get_details":
      return fieldRows(esc, [
        ["VIN", v["vehicle.vin"] ?? ""],
        ["KBA", v["vehicle.kba"] ?? ""],
        ["Erstzulassung", v["vehicle.first_registration"] ?? ""],
        ["Kilometerstand", v["vehicle.km_stand"] ?? ""],
        ["HU/AU", v["vehicle.hu_au"] ?? ""],
        ["Farbton", v["vehicle.color_name"] ?? ""],
      ]);
    case "resourceplanner_shop_view_get_damagedareas": {
      const areas = order.parts.filter((p) => p.priceEachCents >= 5000).map((p) => p.description);
      return `<ul>${(areas.length > 0 ? areas : ["keine Angaben"]).map((a) => `<li>${esc(a)}</li>`).join("")}</ul>`;
    }
    case "resourceplanner_shop_view_get_documents":
      return table(esc, ["Datei", "Datum"], documentNames(order).map((name) => [name, v["details.appointment_date"]?.slice(0, 10) ?? ""]));
    case "resourceplanner_shop_view_get_images":
      return `<div class="images">${imageNames(ctx, order).map((name) => `<img src="/files/${order.id}/${name}" alt="${name}">`).join("")}</div>`;
    case "resourceplanner_shop_view_get_invoice": {
      const karo = hours(order, "est_hours_karo") * RATE_BODY * 100;
      const lack = hours(order, "est_hours_lack") * RATE_PAINT * 100;
      const mech = hours(order, "est_hours_mech") * RATE_BODY * 100;
      const parts = order.parts.filter((p) => p.code !== "4").reduce((sum, p) => sum + partTotalCents(p), 0);
      const net = Math.round(karo + lack + mech + parts);
      const vat = Math.round(net * 0.19);
      return table(esc, ["Position", "Betrag"], [
        ["Lohn Karosserie", formatMoney(Math.round(karo))],
        ["Lohn Lack", formatMoney(Math.round(lack))],
        ["Lohn Mechanik", formatMoney(Math.round(mech))],
        ["Ersatzteile", formatMoney(parts)],
        ["Netto", formatMoney(net)],
        ["MwSt. 19 %", formatMoney(vat)],
        ["Brutto", formatMoney(net + vat)],
      ]);
    }
    case "resourceplanner_shop_view_get_planung":
      return table(esc, ["Abteilung", "von", "bis"], [
        ["Karosserie", v.shop_date ?? "", v["details.paint_date"] ?? ""],
        ["Lack", v["details.paint_date"] ?? "", v.finish_date ?? ""],
        ["Montage", v.finish_date ?? "", v.planned_delivery_date ?? ""],
      ]);
    case "resourceplanner_shop_view_get_projects": {
      const key = compactPlate(v.plate ?? "");
      const rows = [...ctx.tenant.orders.values()]
        .filter((o) => key !== "" && compactPlate(o.values.plate ?? "") === key)
        .map((o) => [o.id, o.values.plate ?? "", o.values.project_status ?? "", o.values.repair_date ?? ""]);
      return table(esc, ["Auftrag", "Kennzeichen", "Status", "Eingang"], rows);
    }
    case "resourceplanner_shop_view_get_rental_car":
      return fieldRows(esc, [
        ["Mietwagen Typ", optionText(order, "details.rental_car_type")],
        ["Mietwagen Motor", optionText(order, "details.rental_car_motor")],
        ["Mietwagen Getriebe", optionText(order, "details.rental_car_transmission")],
        ["Buchung", order.rental ? `${formatDateTime(order.rental.from)} - ${formatDateTime(order.rental.to)}` : "-"],
      ]);
    case "resourceplanner_shop_view_get_setting":
      return `<div class="settings"><label><input type="checkbox" name="notify_customer" checked> Kunde benachrichtigen</label></div>`;
    case "resourceplanner_shop_view_get_stamped_timings":
      return table(
        esc,
        ["Mitarbeiter", "Abteilung", "Beginn", "Ende"],
        stamps(ctx, order).map((s) => [s.employee, s.department, formatDateTime(s.from), formatDateTime(s.to)]),
      );
    case "resourceplanner_shop_view_get_stats": {
      const stamped = (department: string) =>
        stamps(ctx, order)
          .filter((s) => s.department === department)
          .reduce((sum, s) => sum + (s.to - s.from) / 3600, 0);
      return table(esc, ["Abteilung", "Soll", "Ist"], [
        ["Karosserie", v.est_hours_karo ?? "", formatFixed(stamped("Karosserie"), 2, false)],
        ["Lack", v.est_hours_lack ?? "", formatFixed(stamped("Lack"), 2, false)],
        ["Mechanik", v.est_hours_mech ?? "", "0,00"],
      ]);
    }
    case "resourceplanner_shop_view_get_todo_list": {
      const todos = ["Fahrzeug annehmen", "Schadenfotos erstellen"];
      if (order.parts.some((p) => p.code === "0")) todos.push("Teile bestellen");
      if (order.parts.some((p) => p.code === "3")) todos.push("Liefertermin Rückstand klären");
      if (order.station >= 6) todos.push("Endkontrolle");
      return `<ul>${todos.map((t) => `<li>${esc(t)}</li>`).join("")}</ul>`;
    }
    case "resourceplanner_shop_view_get_work":
      return table(
        esc,
        ["Pos.", "Arbeit", "AW"],
        order.parts
          .filter((p) => p.priceEachCents >= 5000)
          .map((p, i) => [String((i + 1) * 10).padStart(4, "0"), `${p.description} aus- und einbauen`, String(6 + (Number(p.partId) % 24))]),
      );
    case "resourceplanner_shop_view_get_zusammenfassung":
      return (
        `<div class="summary"><p>${esc(v.person ?? "")}, ${esc(v.plate ?? "")}</p><p>${esc(v.damage ?? "")} ${esc(v.project_status ?? "")}</p>` +
        `<p>${esc(order.partsStatus)}</p></div>`
      );
    default:
      return "";
  }
}

function compactPlate(plate: string): string {
  return plate.toUpperCase().replace(/[\s\-–.]/g, "");
}

function documentNames(order: SimOrder): string[] {
  const names: string[] = [];
  if (order.values["details.estimate_date"]) names.push("KVA.pdf");
  if (order.values["details.external_calculation"]) names.push("Gutachten.pdf");
  if (order.station >= 2) names.push("Reparaturfreigabe.pdf");
  if (order.values["details.activate_invoice"] === "1") names.push("Rechnung.pdf");
  return names;
}

function imageNames(ctx: SimContext, order: SimOrder): string[] {
  const all = ["front.jpg", "heck.jpg", "links.jpg", "rechts.jpg", "schaden_1.jpg", "schaden_2.jpg"];
  return all.slice(0, createRandom(ctx.seed, "images", order.id).int(1, all.length));
}

/** Builds the response object of an `ID` tab. */
export function renderIdTab(ctx: SimContext, module: string, order: SimOrder | undefined): Record<string, unknown> {
  const block = ID_TABS[module] as string;
  const esc = escaper(ctx);
  const html = order ? tabHtml(ctx, module, order, esc) : "";
  const body: Record<string, unknown> =
    module === "resourceplanner_shop_view_get_setting" || ctx.config.quirks.htmlBlocksObject
      ? { html: { [block]: { content: html } } }
      : { html };
  if (module === "resourceplanner_shop_view_get_documents") body.files = order ? documentNames(order).map((name) => ({ name })) : [];
  if (module === "resourceplanner_shop_view_get_images") body.files = order ? imageNames(ctx, order).map((name) => ({ name })) : [];
  return body;
}

/** Renders `dist_html`: planned hours per department and day, from `shop_date` on, 8 hours a day. */
export function renderDistHtml(ctx: SimContext, order: SimOrder | undefined, shopDate: string): Record<string, unknown> {
  if (!order) return { html: "" };
  const esc = escaper(ctx);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(shopDate);
  let day = match ? dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) : dayOf(order.values.shop_date);
  if (day === null) return { html: table(esc, ["Tag", "Abteilung", "Stunden"], []) };
  const rows: string[][] = [];
  for (const [department, key] of [
    ["Karosserie", "est_hours_karo"],
    ["Lack", "est_hours_lack"],
    ["Mechanik", "est_hours_mech"],
  ] as const) {
    let left = hours(order, key);
    while (left > 0 && rows.length < 40) {
      while (isoWeekday(day) > 5) day++;
      const today = Math.min(8, left);
      rows.push([formatDate(day), department, formatFixed(today, 2, false)]);
      left -= today;
      if (today === 8) day++;
    }
  }
  const body = table(esc, ["Tag", "Abteilung", "Stunden"], rows);
  return ctx.config.quirks.htmlBlocksObject ? { html: { dist: { content: body } } } : { html: body };
}

/** Lists for `rental_car_data` the bookings of the order that overlap `[from, to)`, both `YYYY-MM-DD`. */
export function renderRentalCarData(order: SimOrder | undefined, from: string, to: string): Record<string, unknown> {
  const parse = (text: string): number | null => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    return match ? dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) * SECONDS_PER_DAY : null;
  };
  const start = parse(from);
  const end = parse(to);
  if (!order?.rental || start === null || end === null) return { data: [] };
  const booking = order.rental;
  if (booking.to < start || booking.from >= end) return { data: [] };
  return { data: [{ id: booking.id, from: formatDateTime(booking.from), to: formatDateTime(booking.to) }] };
}

