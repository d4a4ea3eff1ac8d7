/**
 * Building blocks shared by the procedure schemas. Every field carries a description
 * and an example, because the OpenAPI document (and so `/docs`) is generated from
 * these schemas.
 *
 * REST query strings arrive as text. trpc-to-openapi converts plain `z.number()`
 * fields itself. Booleans do not go through its conversion, because it has been seen
 * to turn `false` into `true`, so they are parsed here, strictly.
 */
import { z } from "zod";

import { parseDateInput, parseDateTimeInput } from "../../domain/dates.ts";

/**
 * Builds a schema for one of a closed list of strings, as a union of literals. It is
 * not a z.enum, because trpc-to-openapi builds a new schema for every enum field on
 * every request while it converts query strings. It is not a multi-value z.literal
 * either, because trpc-to-openapi's document generator cannot read one.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union(values.map((value) => z.literal(value)) as unknown as { [K in keyof T]: z.ZodLiteral<T[K]> }, {
    error: `must be one of ${values.join(", ")}`,
  });
}

/** `.meta()` content: a description and one example. */
export function doc(description: string, example: unknown): { description: string; examples: unknown[] } {
  return { description, examples: [example] };
}

/**
 * `true` or `false`: a JSON boolean (tRPC, JSON bodies) or the exact text `true` /
 * `false` (query strings). Anything else, `1`, `yes` or `nein` included, is invalid.
 */
export function strictBoolean(description: string) {
  return z
    .union([z.boolean(), z.enum(["true", "false"])], { error: "must be true or false" })
    .transform((value) => value === true || value === "true")
    .meta(doc(description, true));
}

/** Parses a calendar day given as `YYYY-MM-DD` or `DD.MM.YYYY` (day.month.year) to `YYYY-MM-DD`. */
export function dateInput(description: string) {
  return z
    .string()
    .max(32)
    .transform((raw, ctx) => {
      const parsed = parseDateInput(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    })
    .meta(doc(`${description} \`YYYY-MM-DD\` or \`DD.MM.YYYY\` (day.month.year); inclusive.`, "2024-07-15"));
}

/**
 * Parses a point in time to ISO 8601 UTC with milliseconds, the stored timestamp
 * format, so text comparison in SQL is time comparison. Accepts ISO with `Z` or an
 * offset, and the German and ISO forms without one (Berlin wall-clock time).
 */
export function timestampInput(description: string) {
  return z
    .string()
    .max(64)
    .transform((raw, ctx) => {
      const parsed = parseDateTimeInput(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return new Date(parsed.value).toISOString();
    })
    .meta(doc(description, "2026-03-16T11:08:59Z"));
}

/** PlanSo order id as a digit string (path parameter) → integer key of the mirror. */
export const orderIdParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/u, "must be a PlanSo order id: digits, no leading zero")
  .transform(Number)
  .meta(doc("PlanSo order id (`ID`).", "10001"));

export function limitInput(fallback: number, max: number) {
  const range = `must be a whole number from 1 to ${max}`;
  return z
    .number({ error: range })
    .int({ error: range })
    .min(1, { error: range })
    .max(max, { error: range })
    .default(fallback)
    .meta(doc(`Page size, 1–${max}.`, fallback));
}

export const cursorInput = z
  .string()
  .max(2048)
  .optional()
  .meta(doc("Opaque cursor: `next_cursor` of the previous page, passed back unchanged.", "WyJzaG9wX2RhdGU6ZGVzYyIsIjIwMjQtMDctMTUiLDEwMDFd"));

export const nextCursorOutput = z
  .string()
  .nullable()
  .meta(doc("Cursor for the next page; null on the last page.", "WyJzaG9wX2RhdGU6ZGVzYyIsIjIwMjQtMDctMTUiLDEwMDFd"));

export const successTrue = z.literal(true).meta(doc("Always true on success.", true));

/** Free-text search input: at most 200 characters; an empty value means "no filter". */
export function searchText(description: string, example: string) {
  return z.string().max(200).optional().meta(doc(description, example));
}

export const isoDate = (description: string, example = "2024-07-15") =>
  z.string().nullable().meta(doc(`${description} (\`YYYY-MM-DD\`).`, example));

export const isoTimestamp = (description: string, example = "2026-03-16T11:08:59.000Z") =>
  z.string().meta(doc(`${description} (ISO 8601).`, example));
