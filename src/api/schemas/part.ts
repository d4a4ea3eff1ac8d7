/** Response schema of a part. */
import { z } from "zod";

import type { Part } from "../../db/order-row.ts";
import { doc, isoDate } from "./common.ts";

const text = (description: string, example: string | null) => z.string().nullable().meta(doc(description, example));
const num = (description: string, example: number | null) => z.number().nullable().meta(doc(description, example));
const flag = (description: string, example: boolean) => z.boolean().meta(doc(description, example));

export const PartSchema = z
  .object({
    id: z.number().int().meta(doc("Mirror id of the part row.", 52311)),
    order_id: z.string().meta(doc("PlanSo order id.", "10001")),
    position: z.number().int().meta(doc("Row position in the PlanSo parts table, from 0.", 0)),
    row_id: z.string().meta(doc("Upstream row id (`data-id`).", "884213")),
    part_id: text("Upstream part id.", "100000"),
    part_no: text("Part number as written.", "5G0 807 221 GRU"),
    description: text("Description.", "Stoßfänger vorne"),
    lead_no: text("Position number from the estimate (`Leit Nr.`).", "0012"),
    order_no: text("Parts order the part belongs to (`A.Nummer`).", "A1"),
    qty: num("Quantity.", 1),
    price_each: num("Unit price, euros.", 412.5),
    price_total: num("Line total, euros.", 412.5),
    status: text("Status text (`Bestellt`, `Rückstand`, …).", "Bestellt"),
    status_code: text("Upstream status code.", "1"),
    order_date: isoDate("Ordered on", "2024-07-11"),
    delivery_date: isoDate("Delivered on", "2024-07-13"),
    eta_date: isoDate("Expected delivery", "2024-07-13"),
    is_missing: flag("Counts as missing.", true),
    is_to_order: flag("Still to be ordered.", false),
    is_ordered: flag("Ordered.", true),
    is_delivered: flag("Delivered.", false),
    is_backorder: flag("Back-ordered.", false),
    is_mandatory: flag("The repair cannot be done without it.", true),
    is_price_checked: flag("Price checked against the estimate.", false),
  })
  .meta({ id: "Part", description: "One row of an order's parts table." }) satisfies z.ZodType<Part>;
