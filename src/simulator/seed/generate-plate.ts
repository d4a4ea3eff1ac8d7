/**
 * Licence plates for a tenant in Nordrhein-Westfalen, written in the forms people
 * type. Letters and digits are random, so plates are invented.
 */
import type { Random } from "../random.ts";

/** District codes outside the tenant's region, including ones with umlauts. */
const NATIONAL_DISTRICTS = [
  "HH", "B", "M", "BN", "E", "DO", "W", "KR", "MG", "BO", "GE", "HA", "LEV", "SG", "RS", "MH", "OB",
  "BOT", "RE", "WES", "KLE", "VIE", "AC", "GL", "SU", "F", "S", "H", "HB", "KI", "MÜ", "TÖL", "LÖ", "FÜ", "DÜW",
] as const;

const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

export interface Plate {
  /** As written in the form. */
  written: string;
  /** Canonical form `D-XY 1234`. */
  canonical: string;
}

export function generatePlate(r: Random): Plate {
  const district = r.weighted<string>([
    ["D", 40],
    ["DU", 10],
    ["K", 10],
    ["ME", 10],
    ["NE", 10],
    [r.pick(NATIONAL_DISTRICTS), 20],
  ]);
  const letterCount = r.chance(0.7) ? 2 : 1;
  let letters = "";
  for (let i = 0; i < letterCount; i++) letters += LETTERS.charAt(r.int(0, LETTERS.length - 1));
  const suffix = r.weighted([
    ["", 94],
    ["E", 5],
    ["H", 1],
  ] as const);
  // At most 8 characters without separators, suffix included.
  const maxDigits = Math.min(4, 8 - district.length - letters.length - suffix.length);
  const digitCount = Math.min(maxDigits, r.weighted([
    [1, 5],
    [2, 15],
    [3, 35],
    [4, 45],
  ] as const));
  const digits = r.digits(digitCount, true);
  const number = `${digits}${suffix}`;

  const canonical = `${district}-${letters} ${number}`;
  const written = r.weighted([
    [canonical, 60],
    [`${district} ${letters} ${number}`, 20],
    [`${district}${letters}${number}`, 10],
    [`${district}-${letters}${number}`.toLowerCase(), 5],
    [`${district}-${letters}-${number}`, 5],
  ]);
  return { written, canonical };
}
