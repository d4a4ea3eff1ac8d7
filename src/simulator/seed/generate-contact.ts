/**
 * Customer contact data: the person or company, an e-mail address at the reserved
 * example domains, and a phone number in one of the forms people type. Numbers are
 * random and may exist, so nothing may ever dial or message them.
 */
import type { Random } from "../random.ts";
import {
  COMPANY_PATTERNS,
  FIRST_NAMES,
  FIRST_NAMES_UMLAUT,
  NOTE_SUFFIXES,
  SURNAMES,
  SURNAMES_UMLAUT,
  transliterate,
} from "./names.ts";

export interface Contact {
  person: string;
  /** Surname or company name, for `short_name` suffixes. */
  surname: string;
  email: string;
  phone: string;
}

const AREA_CODES = ["0211", "0211", "0211", "0203", "0221", "02104", "02131", "02102", "0202", "040", "030", "089"] as const;
const MOBILE_PREFIXES = ["0151", "0152", "0157", "0160", "0162", "0170", "0171", "0172", "0173", "0175", "0176", "0177", "0178", "0179"] as const;
const MAIL_DOMAINS = ["example.com", "example.net", "example.org"] as const;

export function generateContact(r: Random): Contact {
  const isCompany = r.chance(0.12);
  const withUmlaut = r.chance(0.15);
  const first = withUmlaut && r.chance(0.3) ? r.pick(FIRST_NAMES_UMLAUT) : r.pick(FIRST_NAMES);
  const surname = withUmlaut && !FIRST_NAMES_UMLAUT.includes(first as never) ? r.pick(SURNAMES_UMLAUT) : r.pick(SURNAMES);

  let person: string;
  let mailLocal: string;
  if (isCompany) {
    person = r.pick(COMPANY_PATTERNS).replace("{name}", surname);
    mailLocal = `kontakt.${slug(person)}`;
  } else {
    const doctor = r.chance(0.03) ? "Dr. " : "";
    person = r.chance(0.05) ? `${surname}, ${doctor}${first}` : `${doctor}${first} ${surname}`;
    const f = slug(first);
    const s = slug(surname);
    mailLocal = r.weighted([
      [`${f}.${s}`, 50],
      [`${f.charAt(0)}.${s}`, 20],
      [`${f}${s}${r.int(1, 99)}`, 15],
      [`${s}.${f}`, 15],
    ]);
  }

  const email = r.chance(0.65) ? `${mailLocal}@${r.pick(MAIL_DOMAINS)}` : "";
  const phone = r.chance(0.9) ? generatePhone(r) : "";
  return { person, surname: isCompany ? person : surname, email, phone };
}

function slug(text: string): string {
  return transliterate(text)
    .toLowerCase()
    .replace(/&/g, "und")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

interface PhoneNumber {
  /** National prefix with leading 0: `0211`, `0170`. */
  prefix: string;
  subscriber: string;
}

function phoneNumber(r: Random, mobile: boolean): PhoneNumber {
  if (mobile) return { prefix: r.pick(MOBILE_PREFIXES), subscriber: r.digits(r.int(7, 8), true) };
  const prefix = r.pick(AREA_CODES);
  return { prefix, subscriber: r.digits(prefix.length >= 5 ? r.int(5, 6) : r.int(6, 7), true) };
}

/** Pairs of digits, as in `12 34 56`. */
function grouped(digits: string): string {
  return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** Writes a number in one of the forms of the seed recipe, weighted by their shares. */
export function generatePhone(r: Random): string {
  const number = phoneNumber(r, r.chance(0.6));
  const national = number.prefix.slice(1);
  const form = r.weighted([
    ["spaced", 45],
    ["international", 20],
    ["slash", 15],
    ["parentheses", 5],
    ["double-zero", 5],
    ["note", 5],
    ["two", 3],
    ["double-plus", 2],
  ] as const);
  switch (form) {
    case "spaced":
      return `${number.prefix} ${number.subscriber}`;
    case "international":
      return `+49 ${national} ${number.subscriber}`;
    case "slash":
      return `${number.prefix}/${number.subscriber}`;
    case "parentheses":
      return `(${number.prefix}) ${grouped(number.subscriber)}`;
    case "double-zero":
      return `0049 ${national} ${number.subscriber}`;
    case "note":
      return `${number.prefix} ${number.subscriber} ${r.pick(NOTE_SUFFIXES)}`;
    case "two": {
      const second = phoneNumber(r, true);
      return `${number.prefix} ${number.subscriber}${r.pick(["; ", " oder ", ", "])}${second.prefix} ${second.subscriber}`;
    }
    case "double-plus":
      return `++49 ${national} ${number.subscriber}`;
  }
}
