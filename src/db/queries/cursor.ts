/**
 * Opaque keyset cursors: base64url of a small JSON object holding the listing's sort
 * key and the last row's sort value and id. Clients pass `next_cursor` back as it is;
 * a cursor that does not decode, or belongs to another sort, is a 400 on `cursor`.
 */
import { QueryInputError } from "./errors.ts";

export interface CursorPosition {
  /** Sort the cursor was made for, e.g. `shop_date:desc`; checked on reuse. */
  sort: string;
  /** Sort value(s) of the last row served; null when that row had none. */
  value: CursorValue | CursorValue[];
  /** Id of the last row served, the tie-break. */
  id: number;
}

export type CursorValue = string | number | null;

const isValue = (v: unknown): v is CursorValue =>
  v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v));

export function encodeCursor(position: CursorPosition): string {
  const json = JSON.stringify([position.sort, position.value, position.id]);
  return Buffer.from(json, "utf8").toString("base64url");
}

/** Decodes a cursor made for `sort`; throws {@link QueryInputError} otherwise. */
export function decodeCursor(raw: string, sort: string): CursorPosition {
  const invalid = (why: string) => new QueryInputError("cursor", `cursor is invalid (${why}); pass next_cursor from the previous page unchanged`);
  if (!/^[A-Za-z0-9_-]{1,2048}$/u.test(raw)) throw invalid("not base64url");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalid("not readable");
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid("not readable");
  const [cursorSort, value, id] = parsed as unknown[];
  if (cursorSort !== sort) throw invalid(`made for sort ${String(cursorSort)}, not ${sort}`);
  const valid = Array.isArray(value) ? value.length <= 4 && value.every(isValue) : isValue(value);
  if (!valid) throw invalid("bad sort value");
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) throw invalid("bad id");
  return { sort, value: value as CursorValue | CursorValue[], id };
}
