/** Request and response schemas of `orders.list` (`GET /api/orders`). */
import { z } from "zod";

import { ORDER_SORTS } from "../../db/queries/list-orders.ts";
import {
  cursorInput,
  dateInput,
  doc,
  limitInput,
  nextCursorOutput,
  oneOf,
  searchText,
  strictBoolean,
  successTrue,
  timestampInput,
} from "../schemas/common.ts";
import { OrderSchema } from "../schemas/order.ts";

const multiValue = (description: string, example: string) =>
  z
    .array(z.string().max(100))
    .max(50)
    .optional()
    .meta(doc(`${description} Repeat the parameter for several values (\`?status=Lack&status=Karo\`); each matches case-insensitively and exactly.`, [example]));

export const ListOrdersInput = z
  .strictObject({
    plate: searchText(
      "Licence plate or its beginning; case, spaces, hyphens and dots are ignored, so `hh ab 1234`, `HH-AB1234` and `HH-AB` find `HH-AB 1234`.",
      "HH-AB",
    ),
    person: searchText(
      "Name words; every word must begin a word of the name, ignoring case and umlaut spelling (`mueller` finds `Müller`).",
      "mueller hans",
    ),
    phone: searchText(
      "Phone number in any written form, or its last 5 or more digits; `+49`, `0049` and a leading `0` are ignored.",
      "0170/1234567",
    ),
    email: searchText("Part of the e-mail address, case-insensitive; `%` and `_` match literally.", "beispiel.de"),
    status: multiValue("Project status (`Projekt-Status`).", "Lack"),
    damage: multiValue("Damage class (`Kategorie`).", "KL 2-3"),
    q: searchText(
      "Free text over plate, person, phone, e-mail, short name, VIN, status, damage, parts status and remarks. Every word must match the beginning of a word, diacritics ignored; ranked by relevance unless `sort` is given.",
      "golf müller",
    ),
    missing_parts: strictBoolean("Only orders with (`true`) or without (`false`) missing parts.").optional(),
    on_board: strictBoolean("Only orders still on (`true`) or off (`false`) the PlanSo planning board.").optional(),
    include_deleted: strictBoolean("Also list deleted orders (they carry `deleted_at`). Default false.").optional(),
    shop_date_from: dateInput("Shop start on or after this day:").optional(),
    shop_date_to: dateInput("Shop start on or before this day:").optional(),
    repair_date_from: dateInput("Vehicle arrival on or after this day:").optional(),
    repair_date_to: dateInput("Vehicle arrival on or before this day:").optional(),
    finish_date_from: dateInput("Planned completion on or after this day:").optional(),
    finish_date_to: dateInput("Planned completion on or before this day:").optional(),
    updated_since: timestampInput("Only orders changed in the mirror at or after this time (ISO 8601).").optional(),
    sort: oneOf(ORDER_SORTS)
      .optional()
      .meta(doc("Sort key. Default `shop_date`, or `relevance` when `q` is given. Orders without the date come last.", "shop_date")),
    order: oneOf(["asc", "desc"]).optional().meta(doc("Sort direction, default `desc`. Ignored for `relevance` (best first).", "desc")),
    limit: limitInput(50, 500),
    cursor: cursorInput,
  })
  .meta({ description: "Filters combine with AND." });

export const ListOrdersOutput = z.object({
  success: successTrue,
  orders: z.array(OrderSchema).meta({ description: "The page of orders." }),
  count: z.number().int().meta(doc("Orders on this page.", 2)),
  total: z.number().int().meta(doc("Orders matching the filters, over all pages.", 2)),
  next_cursor: nextCursorOutput,
});
