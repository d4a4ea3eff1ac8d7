/**
 * Rules that decide whether a part, and so an order, is missing parts. The default
 * patterns are those of a public PlanSo client. They are parameters because tenants
 * word their statuses differently. Text is NFC-normalised first, so a decomposed `ü`
 * still matches.
 */

export interface PartFlags {
  is_delivered: boolean;
  is_backorder: boolean;
  is_to_order: boolean;
  is_ordered: boolean;
  /** Icon title, else the status code. */
  status: string | null;
}

/** Patterns for the status texts. Give them without the `g` flag, because `test` on a global RegExp keeps state. */
export interface MissingPartsPatterns {
  /** Per-part status that means missing (rule 4). */
  partStatus: RegExp;
  /** Order-level text that means "no parts needed"; wins over `orderMissing`. */
  orderNoParts: RegExp;
  /** Order-level text that means something is outstanding. */
  orderMissing: RegExp;
}

export const DEFAULT_MISSING_PARTS_PATTERNS: MissingPartsPatterns = {
  partStatus: /offen|fehlt|rückstand|backorder/iu,
  orderNoParts: /ohne e-?teile/iu,
  orderMissing: /fehlt|offen|rückstand|wartet|nicht.*da|backorder|unvollständig/iu,
};

/**
 * Decides whether one part is missing. The first matching rule wins: delivered and
 * not back-ordered → no, back-ordered → yes, to order or ordered → yes, status text
 * matching `partStatus` → yes, otherwise no.
 */
export function isPartMissing(
  part: PartFlags,
  patterns: MissingPartsPatterns = DEFAULT_MISSING_PARTS_PATTERNS,
): boolean {
  if (part.is_delivered && !part.is_backorder) return false;
  if (part.is_backorder) return true;
  if (part.is_to_order || part.is_ordered) return true;
  if (part.status !== null && patterns.partStatus.test(part.status.normalize("NFC"))) return true;
  return false;
}

/** Reads an order's parts status text: `ohne E-Teile` → false, words for "outstanding" → true, other text → false. */
export function partsStatusFlag(
  partsStatus: string | null,
  patterns: MissingPartsPatterns = DEFAULT_MISSING_PARTS_PATTERNS,
): boolean {
  if (partsStatus === null) return false;
  const text = partsStatus.normalize("NFC");
  if (patterns.orderNoParts.test(text)) return false;
  return patterns.orderMissing.test(text);
}

/** Computes an order's `missing_parts`: the text flag, or any missing part. Pass `parts` as null when they were not fetched. */
export function orderHasMissingParts(
  partsStatus: string | null,
  parts: ReadonlyArray<{ is_missing: boolean }> | null,
  patterns: MissingPartsPatterns = DEFAULT_MISSING_PARTS_PATTERNS,
): boolean {
  return partsStatusFlag(partsStatus, patterns) || (parts?.some((part) => part.is_missing) ?? false);
}

/**
 * Derives the order-level status text from part codes for the simulator (`0` to order,
 * `1` ordered, `2` delivered, `3` back-ordered, `4` cancelled). The first rule wins.
 */
export function simulatorPartsStatus(codes: readonly string[]): string {
  const active = codes.filter((code) => code !== "4");
  if (active.length === 0) return "ohne E-Teile";
  if (active.includes("3")) return "Rückstand";
  if (active.includes("0")) return "offen";
  if (active.every((code) => code === "2")) return "vollständig geliefert";
  if (active.includes("2")) return "teilweise geliefert";
  return "bestellt";
}
