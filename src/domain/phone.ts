/**
 * Phone numbers. The mirror keeps the field as written, and these helpers add E.164
 * forms for matching and national digit strings for partial search. Validation uses
 * libphonenumber-js with its full ("max") metadata and default region DE.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

import { normalizeText } from "./text.ts";

/** `;`, `,`, newlines, ` oder `, ` und ` always separate numbers. */
const HARD_SPLIT = /[;,\n\r]+|\s+(?:oder|und)\s+/iu;
/** ` / ` separates numbers only when both sides start with `0`, `+` or `(`, so `089 / 1234567` stays one number. */
const SOFT_SPLIT = /\s+\/\s+(?=[0+(])/u;

/** Splits a phone field into its numbers, the primary (first) number first. */
export function splitPhoneNumbers(raw: string | null | undefined): string[] {
  if (raw == null) return [];
  const parts: string[] = [];
  // Split before normalising: normalizeText would turn the newlines into spaces.
  for (const piece of raw.split(HARD_SPLIT)) {
    const trimmed = normalizeText(piece);
    if (trimmed === null) continue;
    let rest = trimmed;
    // Split at ` / ` only when the left side starts like a number too.
    while (/^[0+(]/u.test(rest)) {
      const match = SOFT_SPLIT.exec(rest);
      if (!match) break;
      parts.push(rest.slice(0, match.index).trim());
      rest = rest.slice(match.index + match[0].length).trim();
    }
    if (rest !== "") parts.push(rest);
  }
  return parts;
}

/** Drops notes in parentheses that contain letters (`(Frau)`) and words before the number (`Tel.`). */
function stripNotes(number: string): string {
  return number
    .replace(/\([^)]*\p{L}[^)]*\)/gu, " ")
    .replace(/^[^\d+(]+/u, "")
    .trim();
}

/**
 * Builds the dialable string `+…` of one number: `++` and `00` become `+`, `(0)`
 * after a country code is dropped, and a leading `0` becomes `+49`. Returns null for
 * a number without an area code, since no country can be inferred for it.
 */
function toInternational(number: string): string | null {
  let text = stripNotes(number);
  text = text.replace(/^\+\+/u, "+").replace(/^00(?=\s*[1-9])/u, "+");
  // `(0)` after a country code is a trunk prefix that must not be dialled.
  text = text.replace(/^(\+\s*\d{1,3})\s*\(\s*0\s*\)/u, "$1");
  const compact = text.startsWith("+") ? `+${text.replace(/\D/gu, "")}` : text.replace(/\D/gu, "");
  if (compact.startsWith("+490")) return `+49${compact.slice(4)}`;
  if (compact.startsWith("+")) return compact.length > 1 ? compact : null;
  if (compact.startsWith("0") && !compact.startsWith("00")) return `+49${compact.slice(1)}`;
  return null;
}

function toE164(number: string): string | null {
  const candidate = toInternational(number);
  if (candidate === null) return null;
  const parsed = parsePhoneNumberFromString(candidate, "DE");
  return parsed?.isValid() ? parsed.number : null;
}

export interface NormalizedPhone {
  /** E.164 form of the first (primary) number, or null when it does not validate. */
  e164: string | null;
  /** E.164 forms of every valid number in the field, deduplicated, in field order. */
  all: string[];
}

/** Normalises a phone field: `0170/1234567` → `+491701234567`, `+49 (0)211 123456` → `+49211123456`. */
export function normalizePhone(raw: string | null | undefined): NormalizedPhone {
  const numbers = splitPhoneNumbers(raw);
  const forms = numbers.map(toE164);
  const all = [...new Set(forms.filter((form): form is string => form !== null))];
  return { e164: forms[0] ?? null, all };
}

/** Minimum search input in digits, because shorter runs would match almost every order. */
const MIN_SEARCH_DIGITS = 5;

/**
 * Extracts the national significant digits of a search input. A leading `+49`,
 * `0049` or `++49` (and a `(0)` after it) or a single leading `0` is removed, then
 * everything but digits. `0170/1234567`, `+49 170 1234567` and `0049 170 1234567` all
 * give `1701234567`. Other country codes stay as digits (`+43 1 234567` →
 * `431234567`). Returns null when fewer than 5 digits are left.
 */
export function phoneSearchDigits(raw: string | null | undefined): string | null {
  const normalized = normalizeText(raw);
  if (normalized === null) return null;
  const text = stripNotes(normalized);
  const german = /^(?:\+\+?|00)\s*49/u.exec(text);
  let digits: string;
  if (german) {
    digits = text.slice(german[0].length).replace(/\D/gu, "").replace(/^0/u, "");
  } else {
    digits = text.replace(/\D/gu, "");
    if (/^0[1-9]/u.test(digits)) digits = digits.slice(1);
    else if (/^00/u.test(digits)) digits = digits.slice(2);
  }
  return digits.length >= MIN_SEARCH_DIGITS ? digits : null;
}

/**
 * Extracts the national significant digits of every number in a stored field, for
 * the mirror's search columns. German numbers lose `+49`, foreign ones keep their
 * country code, and numbers that fail validation follow {@link phoneSearchDigits}.
 */
export function phoneNationalDigitsAll(raw: string | null | undefined): string[] {
  const out = new Set<string>();
  for (const number of splitPhoneNumbers(raw)) {
    const e164 = toE164(number);
    let digits: string | null;
    if (e164 === null) digits = phoneSearchDigits(number);
    else digits = e164.startsWith("+49") ? e164.slice(3) : e164.slice(1);
    if (digits !== null) out.add(digits);
  }
  return [...out];
}
