/** The planning board (`resourceplanner_get_project_stations`). */
import { currentOrders, type SimContext } from "../context.ts";
import { phpJson } from "../format.ts";
import { quirkRate } from "../options.ts";
import { unitHash } from "../random.ts";
import type { SimOrder } from "../model.ts";
import { displayShortName, duplicatePlatePair, type PlatePair } from "./duplicate-plate.ts";

export interface BoardEntry {
  id: string;
  shortName: string;
  station: number;
  stationState: string;
  employeeId: string;
  position: number;
  /** `Termin Fertigstellung` as stored (`DD.MM.YYYY`), or null when unset. */
  finishDate: string | null;
}

/** Builds one current order's board entry, after the `unknownStationState` and `duplicateOpenOrders` quirks. */
export function boardEntry(ctx: SimContext, order: SimOrder, pair: PlatePair | null): BoardEntry {
  const pausedRate = quirkRate(ctx.config.quirks, "unknownStationState");
  return {
    id: order.id,
    shortName: displayShortName(ctx, order, pair),
    station: order.station,
    stationState: pausedRate > 0 && unitHash(ctx.seed, "unknownStationState", order.id) < pausedRate ? "paused" : order.stationState,
    employeeId: order.employeeId,
    position: order.position,
    finishDate: order.values.finish_date ? order.values.finish_date : null,
  };
}

/** Lists the board entries of the current orders in board order. */
export function boardEntries(ctx: SimContext): BoardEntry[] {
  const pair = duplicatePlatePair(ctx);
  return currentOrders(ctx).map((order) => boardEntry(ctx, order, pair));
}

/** Renders the board body. `executionTime` is the seeded float of seconds that PlanSo reports. */
export function renderBoardBody(ctx: SimContext, executionTime: number): string {
  const quirks = ctx.config.quirks;
  const id = (value: string | number) => (quirks.stringIds ? String(value) : Number(value));
  const items = boardEntries(ctx).map((entry) => {
    const item: Record<string, unknown> = {
      ID: id(entry.id),
      short_name: entry.shortName,
      station: `${entry.station}@${entry.stationState}`,
      employeeID: id(entry.employeeId),
      theorder: id(entry.position),
    };
    if (entry.finishDate !== null) item.finish_date = entry.finishDate;
    return item;
  });
  if (quirks.boardAsArray) return phpJson(items);
  const body: Record<string, unknown> = {};
  items.forEach((item, index) => {
    body[String(index)] = item;
  });
  if (quirks.executionTimeKey) body.execution_time = executionTime;
  return phpJson(body);
}
