/**
 * Parts follow-ups: the parts tab's script may name further modules (quoted
 * `/do?m=…` URLs containing `parts`), such as an availability module with expected
 * delivery dates. Their data only fills `eta_date` of parts already read, matched
 * by part number; it never adds parts.
 */
import { parseGermanDate } from "../domain/dates.ts";
import { asRecord } from "./envelope.ts";
import type { UpstreamPart } from "./types.ts";

/** Modules that the parts tab's script names but that are no follow-ups. */
const NOT_FOLLOW_UPS = new Set(["resourceplanner_shop_view_get_parts"]);

export interface FollowUpCall {
  module: string;
  /** Query parameters of the URL other than `m`. */
  params: Array<[string, string]>;
}

export function findFollowUpCalls(script: string): FollowUpCall[] {
  const calls = new Map<string, FollowUpCall>();
  for (const match of script.matchAll(/["'](\/do\?m=[^"'\s]+)["']/g)) {
    const url = new URL(match[1]!, "http://upstream.invalid");
    const module = url.searchParams.get("m") ?? "";
    if (!module.includes("parts") || NOT_FOLLOW_UPS.has(module)) continue;
    const params = [...url.searchParams].filter(([key]) => key !== "m");
    calls.set(url.search, { module, params });
  }
  return [...calls.values()];
}

/** Matching key of a part number: spaces removed, upper case. */
export function partNumberKey(partNo: string): string {
  return partNo.replace(/\s+/g, "").toUpperCase();
}

/** Fills `eta_date` from a follow-up's `{"data":[{"part_no","eta_date"}]}`; returns how many parts got one. */
export function applyFollowUpEtas(parts: UpstreamPart[], body: unknown): number {
  const data = asRecord(body)?.data;
  if (!Array.isArray(data)) return 0;
  const etas = new Map<string, string>();
  for (const entry of data) {
    const record = asRecord(entry);
    if (typeof record?.part_no !== "string" || typeof record.eta_date !== "string") continue;
    const eta = parseGermanDate(record.eta_date);
    if (eta !== null) etas.set(partNumberKey(record.part_no), eta);
  }
  let filled = 0;
  for (const part of parts) {
    const eta = part.part_no === null ? undefined : etas.get(partNumberKey(part.part_no));
    if (eta === undefined) continue;
    part.eta_date = eta;
    filled++;
  }
  return filled;
}
