/** Schemas of `parts.listByOrder` (`GET /api/orders/{order_id}/parts`). */
import { z } from "zod";

import { doc, orderIdParam, successTrue } from "../schemas/common.ts";
import { PartSchema } from "../schemas/part.ts";

export const ListPartsByOrderInput = z.strictObject({ order_id: orderIdParam });

export const ListPartsByOrderOutput = z.object({
  success: successTrue,
  order_id: z.string().meta(doc("PlanSo order id.", "10001")),
  parts: z.array(PartSchema).meta({ description: "Every part in PlanSo's table order." }),
  count: z.number().int().meta(doc("Number of parts.", 3)),
});
