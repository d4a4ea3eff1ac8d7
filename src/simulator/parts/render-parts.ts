/** HTML and script of the parts tab (`resourceplanner_shop_view_get_parts`). */
import { SECONDS_PER_DAY } from "../calendar.ts";
import type { SimContext } from "../context.ts";
import { formatCents, formatDate, formatDateTime, formatFixed, formatMoney } from "../format.ts";
import { PART_ACTIONS, partTotalCents, type SimOrder } from "../model.ts";
import { displayPlate } from "../render/duplicate-plate.ts";
import { escaper, type Escape } from "../render/html.ts";
import { MAKE_BY_ID } from "../seed/vehicles.ts";
import { PARTS_STATUS_TEXTS } from "../form/select-options.ts";
import { buildPartsView, type PartRowView } from "./parts-view.ts";

export const PARTS_HEADERS = ["Teil", "Teile Nr.", "Leit Nr.", "E.Preis", "Menge", "G.Preis", "Status", "Datum", "A.Nummer", "Aktionen"] as const;

/** Module a parts tab's script names when the `partsFollowUps` quirk is on. */
export const PARTS_FOLLOW_UP_MODULE = "resourceplanner_shop_view_parts_availability";

const ACTION_LABELS: Record<(typeof PART_ACTIONS)[number], string> = {
  order_parts: "zu bestellen",
  bestellt: "bestellt",
  delivered: "geliefert",
  ruckstand: "Rückstand",
  mandatory: "Pflicht",
  price_checked: "Preis geprüft",
};

function dateSide(localSeconds: number | null): string {
  if (localSeconds === null) return "-";
  return `<span title="${formatDateTime(localSeconds)}">${formatDate(Math.floor(localSeconds / SECONDS_PER_DAY))}</span>`;
}

function renderRow(row: PartRowView, order: SimOrder, esc: Escape, nbsp: boolean): string {
  const part = row.part;
  const cell = (text: string) => `<td>${text === "" && nbsp ? "&nbsp;" : esc(text)}</td>`;
  const actions = PART_ACTIONS.map(
    (action) =>
      `<label><input type="checkbox" class="spare_part_status" data-action="${action}" data-id="${row.rowId}"${row.flags[action] ? " checked" : ""}> ${esc(ACTION_LABELS[action])}</label>`,
  ).join(" ");
  const date = `${row.arrayJunk ? "Array" : ""}${dateSide(part.orderedAt)} / ${dateSide(part.deliveredAt)}`;
  return (
    `<tr class="parts_single_row" data-id="${row.rowId}" data-partid="${part.partId}" data-status="${part.code}" data-pnum="${order.id}">` +
    `<td>${esc(row.description, row.doubleEscape)}</td>` +
    `<td data-prtnumber="${esc(part.partNo)}">${esc(part.partNo)}</td>` +
    cell(part.leadNo) +
    `<td>${formatCents(part.priceEachCents)}</td>` +
    `<td>${formatFixed(part.qty, 2, false)}</td>` +
    `<td>${formatCents(partTotalCents(part))}</td>` +
    `<td class="spare_part_main_status"><i class="fa fa-circle status_${part.code}" title="${esc(row.title)}"></i></td>` +
    `<td class="spare_part_dates">${date}</td>` +
    cell(part.orderNo) +
    `<td class="spare_part_actions">${actions}</td></tr>`
  );
}

export function renderPartsHtml(ctx: SimContext, order: SimOrder): string {
  const esc = escaper(ctx);
  const view = buildPartsView(ctx, order);
  const statusOptions = PARTS_STATUS_TEXTS.map((text) => `<li><a href="#" data-status="${esc(text)}">${esc(text)}</a></li>`).join("");
  const status =
    `<div class="btn-group"><button type="button" class="btn btn-default dropdown-toggle rsvgp_status_dropdown" data-toggle="dropdown">${esc(view.statusText)}</button>` +
    `<ul class="dropdown-menu">${statusOptions}</ul></div>`;
  if (order.parts.length === 0) return `${status}\n<div class="rsvgp_no_parts">Keine Ersatzteile vorhanden</div>`;

  const quirks = ctx.config.quirks;
  const make = MAKE_BY_ID.get(Number(order.values["vehicle.make_id"]))?.name ?? "";
  const headerRow = `<tr>${PARTS_HEADERS.map((header) => `<th>${esc(header)}</th>`).join("")}</tr>`;
  const extraRow = quirks.extraHeaderRow
    ? `<tr class="parts_filter_row">${PARTS_HEADERS.map(() => `<th><input type="text" class="parts_filter"></th>`).join("")}</tr>`
    : "";
  const rows = view.rows.map((row) => renderRow(row, order, esc, quirks.nbspInCells)).join("\n");
  const table =
    `<table class="table parts_table" data-vin="${esc(order.values["vehicle.vin"] ?? "")}" data-make="${esc(make)}" ` +
    `data-number_plate="${esc(displayPlate(ctx, order))}" data-pnum="${order.id}">\n` +
    `<thead>${headerRow}${extraRow}</thead>\n<tbody>\n${rows}\n</tbody></table>`;

  const sums = view.totalsByOrderNo.map(([orderNo, cents]) => `<tr><td>${esc(orderNo)}</td><td>${esc(formatMoney(cents))}</td></tr>`).join("");
  const totals =
    `<table class="table parts_sum_table"><tr><th>A.Nummer</th><th>Ersatzteile-Summe</th></tr>${sums}` +
    `<tr><td>Gesamtpreis</td><td><b>${esc(formatMoney(view.totalCents))}</b></td></tr></table>`;
  return `${status}\n${table}\n${totals}`;
}

export function partsScript(ctx: SimContext, order: SimOrder): string {
  const base = `rsvgp_init(${order.id}); $('.spare_part_status').on('change', rsvgp_set_part_status);`;
  if (!ctx.config.quirks.partsFollowUps) return base;
  return `${base} rsvgp_load_availability('/do?m=${PARTS_FOLLOW_UP_MODULE}', ${order.id});`;
}
