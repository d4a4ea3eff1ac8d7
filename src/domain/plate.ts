/**
 * German licence plates. The canonical form is `D-XY 1234`: district, hyphen,
 * letters, space, digits, and the suffix `E` (electric) or `H` (historic) attached.
 * Search compares the compact key `DXY1234`.
 */
import { isDistrictCode } from "./district-codes.ts";
import { normalizeText } from "./text.ts";

/** Spaces, hyphen, en/em dash, other Unicode hyphens, minus sign and dots. */
const SEPARATOR = /[\s\u00a0\u202f\-\u2010-\u2015\u2212.]+/gu;

/** Builds the compact key for matching: upper-case, NFC, every separator removed. Returns null when nothing is left. */
export function plateKey(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const key = raw.normalize("NFC").toUpperCase().replace(SEPARATOR, "");
  return key === "" ? null : key;
}

/**
 * Builds the search key: the compact key with umlauts spelt out (`DÜW-RA 1` → `DUEWRA1`),
 * because people without a German keyboard type `DUEW`. Stored and queried plates go
 * through the same function, so `düw-ra 1` and `duew ra1` find the same order.
 */
export function plateSearchKey(raw: string | null | undefined): string | null {
  const key = plateKey(raw);
  return key === null ? null : key.replace(/Ä/gu, "AE").replace(/Ö/gu, "OE").replace(/Ü/gu, "UE");
}

export interface NormalizedPlate {
  /** `D-XY 1234`, or null when the plate does not follow the standard pattern. */
  canonical: string | null;
  /** Compact key (`DXY1234`), also for plates outside the pattern. */
  key: string | null;
}

/** Letter groups, digits without a leading zero, optional suffix; separators already single spaces. */
const SHAPE = /^([A-ZÄÖÜ]+(?: [A-ZÄÖÜ]+)*) ?([1-9]\d{0,3}) ?([EH])?$/u;
/** At most 8 characters without separators, suffix included. */
const MAX_LENGTH = 8;

function build(district: string, letters: string, digits: string, suffix: string): string | null {
  if (!/^[A-ZÄÖÜ]{1,3}$/u.test(district) || !/^[A-Z]{1,2}$/u.test(letters)) return null;
  if (district.length + letters.length + digits.length + suffix.length > MAX_LENGTH) return null;
  return `${district}-${letters} ${digits}${suffix}`;
}

/**
 * Splits letters written without a separator (`DXY`) into district and letters. Every
 * split is checked against the district code list, and only a unique valid split gives
 * a canonical form.
 */
function splitCompact(letters: string, digits: string, suffix: string): string | null {
  const candidates: string[] = [];
  for (let cut = 1; cut <= Math.min(3, letters.length - 1); cut++) {
    const district = letters.slice(0, cut);
    if (!isDistrictCode(district)) continue;
    const plate = build(district, letters.slice(cut), digits, suffix);
    if (plate !== null) candidates.push(plate);
  }
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/**
 * Normalises a plate to its canonical form and compact key. Accepts `D-XY 1234`,
 * `D XY 1234`, `DXY1234`, `D-XY1234`, `D-XY-1234`, lower case, en dashes and repeated
 * spaces. Plates outside the pattern (official, dealer, foreign) keep only their key.
 */
export function normalizePlate(raw: string | null | undefined): NormalizedPlate {
  const text = normalizeText(raw);
  if (text === null) return { canonical: null, key: null };
  const key = plateKey(text);
  const spaced = text.toUpperCase().replace(SEPARATOR, " ").trim();
  const match = SHAPE.exec(spaced);
  if (!match) return { canonical: null, key };
  const groups = (match[1] ?? "").split(" ");
  const digits = match[2] ?? "";
  const suffix = match[3] ?? "";
  let canonical: string | null = null;
  if (groups.length === 2) {
    canonical = build(groups[0] ?? "", groups[1] ?? "", digits, suffix);
  } else if (groups.length === 1) {
    canonical = splitCompact(groups[0] ?? "", digits, suffix);
  }
  return { canonical, key };
}
