/** Schemas of `parts.statusByOrder` (`GET /api/orders/{order_id}/parts/status`). */
import { z } from "zod";

import { doc, orderIdParam, successTrue } from "../schemas/common.ts";
import { PartsSummarySchema } from "../schemas/order.ts";
import { PartSchema } from "../schemas/part.ts";

export const PartsStatusByOrderInput = z.strictObject({ order_id: orderIdParam });

export const PartsStatusByOrderOutput = z.object({
  success: successTrue,
  order_id: z.string().meta(doc("PlanSo order id.", "10001")),
  parts_status: z.string().nullable().meta(doc("The order's parts status text (`E-Teile Status`).", "teilweise geliefert")),
  missing_parts: z.boolean().meta(doc("The order counts as missing parts.", true)),
  summary: PartsSummarySchema,
  missing: z.array(PartSchema).meta({ description: "Parts still missing, in table order." }),
});
