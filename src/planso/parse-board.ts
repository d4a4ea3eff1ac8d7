/**
 * The planning board (`resourceplanner_get_project_stations`): an object keyed
 * `"0"`, `"1"`, … plus a float `execution_time`, or a JSON array of the same items.
 * Ids arrive as digit strings or integers. Values that are not objects are skipped.
 */
import { parseStation } from "../domain/station.ts";
import { normalizeText } from "../domain/text.ts";
import type { Logger } from "../log.ts";
import { asRecord } from "./envelope.ts";
import type { BoardItem } from "./types.ts";

const KNOWN_STATES = new Set(["active", "finished"]);

/** Thrown when the board body is neither an object nor an array. */
export class BoardParseError extends Error {
  override readonly name = "BoardParseError";
}

export function parseBoard(body: unknown, log?: Logger): BoardItem[] {
  let values: unknown[];
  if (Array.isArray(body)) values = body;
  else if (asRecord(body)) values = Object.values(body as Record<string, unknown>);
  else throw new BoardParseError(`the board is not a JSON object or array but ${body === null ? "null" : typeof body}`);

  const items: BoardItem[] = [];
  const unknownStates = new Set<string>();
  for (const value of values) {
    const raw = asRecord(value);
    if (!raw) continue;
    const id = idText(raw.ID);
    if (id === null) {
      log?.warn("planso.board_item_without_id", { keys: Object.keys(raw) });
      continue;
    }
    const station = parseStation(scalarText(raw.station));
    if (station.station_state !== null && !KNOWN_STATES.has(station.station_state)) unknownStates.add(station.station_state);
    items.push({
      id,
      short_name: normalizeText(scalarText(raw.short_name)),
      station_id: station.station_id,
      station_state: station.station_state,
      employee_id: idText(raw.employeeID),
      board_position: integer(raw.theorder),
    });
  }
  if (unknownStates.size > 0) log?.info("planso.board_unknown_station_states", { states: [...unknownStates] });
  return items;
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

/** Reads a digit id as a string; `"17"` and `17` both give `"17"`. */
function idText(value: unknown): string | null {
  return normalizeText(scalarText(value));
}

function integer(value: unknown): number | null {
  const text = normalizeText(scalarText(value));
  return text !== null && /^-?\d+$/.test(text) ? Number(text) : null;
}
