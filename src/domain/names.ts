/**
 * Name folding for person search, which ignores case and umlaut spelling, so
 * `müller`, `Mueller`, `MÜLLER` and `muller` all find `Müller`. The mirror stores
 * {@link foldName} of each name. A query word matches when a stored word starts with
 * one of its {@link nameQueryVariants}.
 */

const UMLAUT_BASE: Record<string, string> = { ä: "a", ö: "o", ü: "u" };
const UMLAUT_EXPANDED: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue" };
/** Letters that Unicode does not decompose into base letter plus mark. */
const UNDECOMPOSABLE: Record<string, string> = { æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** Lower case, NFC, ß → ss. */
function lowerNfc(raw: string): string {
  return raw.normalize("NFC").toLowerCase().replaceAll("ß", "ss").replaceAll("ẞ", "ss");
}

/**
 * Splits a name into lower-case words of letters and digits. Apostrophes join
 * (`O'Brien` → `obrien`), and every other mark separates words.
 */
export function nameWords(raw: string | null | undefined): string[] {
  if (raw == null) return [];
  return lowerNfc(raw)
    .replace(/['’`´]/gu, "")
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** Removes accents other than the German umlauts, which the callers map first. */
function stripMarks(word: string): string {
  return word
    .replace(/[æœøłđðþı]/gu, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC");
}

function baseForm(word: string): string {
  return stripMarks(word.replace(/[äöü]/gu, (ch) => UMLAUT_BASE[ch] ?? ch));
}

function expandedForm(word: string): string {
  return stripMarks(word.replace(/[äöü]/gu, (ch) => UMLAUT_EXPANDED[ch] ?? ch));
}

/**
 * Builds the searchable form of a name: every word lower-cased (ß → ss) with its
 * umlaut variants, space-separated and deduplicated. `Müller` → `müller muller mueller`,
 * `Dr. Strauß` → `dr strauss`. Hyphenated names also get their joined form.
 */
export function foldName(raw: string | null | undefined): string {
  const out = new Set<string>();
  const add = (word: string): void => {
    out.add(word);
    out.add(baseForm(word));
    out.add(expandedForm(word));
  };
  for (const token of (raw ?? "").split(/[\s,;/]+/u)) {
    const words = nameWords(token);
    words.forEach(add);
    // `Müller-Lüdenscheidt` is also stored joined, so the query word written with
    // its hyphen (which nameQueryVariants joins) still matches.
    if (words.length > 1) add(words.join(""));
  }
  return [...out].join(" ");
}

/**
 * Lists the forms that one search word may match as a prefix of a stored folded word:
 * `müller` → [`muller`, `mueller`], `Mueller` → [`mueller`], `Strauß` → [`strauss`].
 * Punctuation inside the word is dropped, so `Müller-Lüdenscheidt` gives its joined
 * forms. An empty word gives []. Split a query at whitespace before calling this.
 */
export function nameQueryVariants(word: string): string[] {
  const joined = nameWords(word).join("");
  if (joined === "") return [];
  return [...new Set([baseForm(joined), expandedForm(joined)])];
}

/**
 * Folds text for case-insensitive exact comparison, as the status and damage filters
 * need: NFC, lower case, ß → ss, umlauts and other accents to the base letter,
 * whitespace collapsed. Punctuation is kept (`KL 2-3`).
 */
export function foldForMatch(raw: string | null | undefined): string {
  if (raw == null) return "";
  return baseForm(lowerNfc(raw).replace(/\s+/gu, " ").trim());
}
