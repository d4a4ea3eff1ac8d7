/**
 * Vehicle identifiers: the VIN (FIN) and the KBA key (HSN/TSN) from the German
 * registration document.
 */
import { normalizeText } from "./text.ts";

/** 17 characters, A–Z and 0–9 without I, O and Q (ISO 3779). */
const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/u;
const VIN_SEPARATORS = /[\s\-\u2010-\u2015.]+/gu;

export interface NormalizedVin {
  /** Upper-case VIN without separators when valid; otherwise the trimmed text as written. */
  value: string | null;
  /** True for 17 characters from the VIN alphabet. The check digit is never tested. */
  valid: boolean;
}

function cleanVin(text: string): string {
  return text.toUpperCase().replace(VIN_SEPARATORS, "");
}

/**
 * Normalises a VIN: `wvw zzz1jz-3w386752` → `{ value: "WVWZZZ1JZ3W386752", valid: true }`.
 * The check digit is never tested, because it is mandatory only in North America.
 */
export function normalizeVin(raw: string | null | undefined): NormalizedVin {
  const text = normalizeText(raw);
  if (text === null) return { value: null, valid: false };
  const vin = cleanVin(text);
  return VIN_SHAPE.test(vin) ? { value: vin, valid: true } : { value: text, valid: false };
}

/**
 * Builds the key for VIN matching and partial VIN search. `O` and `Q` become `0` and
 * `I` becomes `1`, which only changes typos because a VIN never contains these letters.
 * Accepts any length. Returns null when empty or when other characters than letters
 * and digits remain.
 */
export function vinMatchKey(raw: string | null | undefined): string | null {
  const text = normalizeText(raw);
  if (text === null) return null;
  const key = cleanVin(text).replace(/[OQ]/gu, "0").replaceAll("I", "1");
  return /^[A-Z0-9]+$/u.test(key) ? key : null;
}

const KBA_SHAPE = /^(\d{4})\s*[/\- ]?\s*([A-Z0-9]{3})/u;

/**
 * Normalises a KBA key (4-digit HSN, 3-character TSN) to `0603/ABC`. Accepts
 * `0603 ABC`, `0603ABC`, `0603-ABC` and `0603/ABC12345`, where only the first three
 * TSN characters count. Returns null for other text.
 */
export function normalizeKba(raw: string | null | undefined): string | null {
  const text = normalizeText(raw);
  if (text === null) return null;
  const match = KBA_SHAPE.exec(text.toUpperCase());
  return match ? `${match[1]}/${match[2]}` : null;
}
