/**
 * Text clean-up shared by every normaliser. PlanSo cells carry NBSPs, runs of
 * whitespace and placeholder junk for "no value"; these helpers turn them into one
 * canonical string or null.
 */

/** Every Unicode space, including NBSP (U+00A0), narrow NBSP (U+202F) and tabs. */
const WHITESPACE_RUN = /[\s\u00a0\u2007\u202f\ufeff]+/gu;
/** Zero-width characters that copy-paste leaves inside values. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/gu;
/** Placeholders that PlanSo renders for empty cells: `-`, `- / -` and a literal `&nbsp;`. */
const EMPTY_PLACEHOLDER = /^(?:-|–|- ?\/ ?-|(?:&nbsp;?)+)$/iu;

function squash(raw: string): string {
  return raw.normalize("NFC").replace(ZERO_WIDTH, "").replace(WHITESPACE_RUN, " ").trim();
}

/**
 * NFC, NBSP to space, whitespace runs collapsed, trimmed. Returns null for empty
 * values and the placeholders `-`, `- / -` and a literal `&nbsp;`.
 */
export function normalizeText(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = squash(raw);
  if (text === "" || EMPTY_PLACEHOLDER.test(text)) return null;
  return text;
}

/**
 * Normalises a form label for lookup in the label table: NFC, whitespace collapsed,
 * trimmed, and one trailing `:` or `*` (required-field marker) removed.
 */
export function collapseLabel(raw: string): string {
  return squash(raw).replace(/[:*]$/u, "").trimEnd();
}
