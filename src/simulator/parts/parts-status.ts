/**
 * The order-level parts status text and the missing-parts rules. The simulator
 * derives the text from its parts (assumed rule); the missing-parts rules are the
 * public client's, written out precisely.
 */
import type { SimPart } from "../model.ts";

/**
 * Derives the status text from the parts, and the first rule that applies wins:
 * - no parts, or all cancelled: `ohne E-Teile`;
 * - any back-ordered: `Rückstand`;
 * - any to order: `offen`;
 * - all others delivered: `vollständig geliefert`;
 * - some delivered: `teilweise geliefert`;
 * - otherwise `bestellt`.
 */
export function derivePartsStatus(parts: readonly SimPart[]): string {
  const live = parts.filter((part) => part.code !== "4");
  if (live.length === 0) return "ohne E-Teile";
  if (live.some((part) => part.code === "3")) return "Rückstand";
  if (live.some((part) => part.code === "0")) return "offen";
  const delivered = live.filter((part) => part.code === "2").length;
  if (delivered === live.length) return "vollständig geliefert";
  if (delivered > 0) return "teilweise geliefert";
  return "bestellt";
}

export interface PartFlagsView {
  toOrder: boolean;
  ordered: boolean;
  delivered: boolean;
  backorder: boolean;
  /** Icon title, else the status code. */
  status: string | null;
}

const MISSING_STATUS = /offen|fehlt|rückstand|backorder/i;

/** Decides a part's `is_missing`; the first matching rule wins. */
export function isPartMissing(part: PartFlagsView): boolean {
  if (part.delivered && !part.backorder) return false;
  if (part.backorder) return true;
  if (part.toOrder || part.ordered) return true;
  if (part.status !== null && MISSING_STATUS.test(part.status.normalize("NFC"))) return true;
  return false;
}

const NO_PARTS_TEXT = /ohne e-?teile/i;
const MISSING_TEXT = /fehlt|offen|rückstand|wartet|nicht.*da|backorder|unvollständig/i;

/** Computes the text flag of `missing_parts`: true when the status text reports something outstanding. */
export function partsTextFlag(text: string | null): boolean {
  if (text === null) return false;
  const normalized = text.normalize("NFC");
  if (NO_PARTS_TEXT.test(normalized)) return false;
  return MISSING_TEXT.test(normalized);
}
