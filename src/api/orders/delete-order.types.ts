/** Request and response schemas of `orders.delete` (`DELETE /api/orders/{order_id}`). */
import { z } from "zod";

import { doc, orderIdParam, successTrue } from "../schemas/common.ts";
import { OrderDetailSchema } from "../schemas/order.ts";
import { expectedVersionQuery } from "./write-order.types.ts";

export const DeleteOrderInput = z.strictObject({
  order_id: orderIdParam,
  expected_version: expectedVersionQuery,
});

export type DeleteOrderInput = z.infer<typeof DeleteOrderInput>;

export const DeleteOrderOutput = z.object({
  success: successTrue,
  message: z.string().meta(doc("What happened in PlanSo and in the mirror.", "Order 10001 deleted in PlanSo and marked deleted in the mirror")),
  order_id: z.string().meta(doc("PlanSo order id (`ID`).", "10001")),
  order: OrderDetailSchema.nullable().meta({
    description: "The order as the mirror keeps it, with `deleted_at` set; null when the mirror had never stored it.",
  }),
});
