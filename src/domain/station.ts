/**
 * Board column `n@state` of the planning board: `2@active` → station 2, state
 * `active`. Unknown states (`paused`) are kept as written, never rejected.
 */
import { normalizeText } from "./text.ts";

export interface ParsedStation {
  station_id: number | null;
  station_state: string | null;
}

const STATION = /^(\d+)@([a-z_]+)$/u;

/** Parses `n@state` after lower-casing. Malformed input gives nulls for both fields. */
export function parseStation(raw: string | null | undefined): ParsedStation {
  const text = normalizeText(raw)?.toLowerCase();
  const match = text === undefined ? null : STATION.exec(text);
  const id = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(id)) return { station_id: null, station_state: null };
  return { station_id: id, station_state: match[2] ?? null };
}
