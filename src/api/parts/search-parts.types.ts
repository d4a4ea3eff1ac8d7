/** Schemas of `parts.search` (`GET /api/parts`). */
import { z } from "zod";

import { cursorInput, dateInput, doc, limitInput, nextCursorOutput, searchText, strictBoolean, successTrue } from "../schemas/common.ts";
import { PartSchema } from "../schemas/part.ts";

export const SearchPartsInput = z
  .strictObject({
    missing: strictBoolean("Only parts that are (`true`) or are not (`false`) missing.").optional(),
    backorder: strictBoolean("Only back-ordered (`true`) or other (`false`) parts.").optional(),
    ordered: strictBoolean("Only ordered (`true`) or not ordered (`false`) parts.").optional(),
    delivered: strictBoolean("Only delivered (`true`) or undelivered (`false`) parts.").optional(),
    eta_from: dateInput("ETA on or after this day:").optional(),
    eta_to: dateInput("ETA on or before this day:").optional(),
    order_id: z
      .string()
      .regex(/^[1-9]\d{0,14}$/u, "must be a PlanSo order id: digits, no leading zero")
      .transform(Number)
      .optional()
      .meta(doc("Only parts of this order.", "10001")),
    part_no: searchText("Part of the part number; spaces, hyphens, dots and case are ignored.", "807 221"),
    status: z
      .array(z.string().max(100))
      .max(20)
      .optional()
      .meta(doc("Status text, any of several (repeat the parameter); ASCII case is ignored.", ["Rückstand"])),
    include_deleted: strictBoolean("Also list parts of deleted orders. Default false.").optional(),
    limit: limitInput(100, 500),
    cursor: cursorInput,
  })
  .meta({ description: "Filters combine with AND. Parts are listed by order id, then table position." });

export const SearchPartsOutput = z.object({
  success: successTrue,
  parts: z.array(PartSchema).meta({ description: "The page of parts." }),
  count: z.number().int().meta(doc("Parts on this page.", 1)),
  total: z.number().int().meta(doc("Parts matching the filters, over all pages.", 1)),
  next_cursor: nextCursorOutput,
});
