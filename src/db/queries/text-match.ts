/**
 * Safe building blocks for user text in SQL: LIKE patterns with `%`, `_` and the
 * escape character taken literally, FTS5 queries made only of quoted word tokens,
 * and prefix ranges for indexed prefix search.
 */
import { nameQueryVariants } from "../../domain/names.ts";

/** Escape character used with `LIKE … ESCAPE '\'`. */
export const LIKE_ESCAPE = "\\";

/** `%text%` with `\`, `%` and `_` escaped, for `LIKE ? ESCAPE '\'`. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/gu, (c) => LIKE_ESCAPE + c)}%`;
}

/**
 * Exclusive upper bound of the strings that start with `prefix`: the last code
 * point plus one. With `col >= prefix AND col < upper`, SQLite uses the index on
 * `col`, which `LIKE 'prefix%'` would not (LIKE folds case).
 */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop();
  if (last === undefined) throw new Error("prefix must not be empty");
  return chars.join("") + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/**
 * Words as the FTS5 `unicode61` tokenizer sees them: runs of letters and digits
 * after NFC. Everything else (quotes, `*`, `-`, `%`, `_`, operators) separates words,
 * so no user character reaches the FTS query syntax.
 */
export function ftsWords(text: string): string[] {
  return text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

function quoted(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/** Every word as a prefix, all required: `"hh"* "ab"* "12"*`. Null when there is no word. */
export function ftsPrefixQuery(text: string): string | null {
  const words = ftsWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `${quoted(w)}*`).join(" AND ");
}

/**
 * Name search on the `person` column: every word (split as `foldName` splits names)
 * must match one of its umlaut spellings as a prefix (`mueller` →
 * `person : ("mueller"*)`, `müller` → `person : ("muller"* OR "mueller"*)`).
 */
export function ftsPersonQuery(text: string): string | null {
  const clauses: string[] = [];
  for (const word of text.split(/[\s,;/]+/u)) {
    const variants = nameQueryVariants(word);
    if (variants.length > 0) clauses.push(`person : (${variants.map((v) => `${quoted(v)}*`).join(" OR ")})`);
  }
  return clauses.length === 0 ? null : clauses.join(" AND ");
}

/** A whole digit string as a prefix in the `phone` column, for second numbers. */
export function ftsPhoneQuery(digits: string): string {
  return `phone : ${quoted(digits)}*`;
}
