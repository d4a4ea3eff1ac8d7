/** Request and response schemas of `orders.get` (`GET /api/orders/{order_id}`). */
import { z } from "zod";

import { orderIdParam, successTrue } from "../schemas/common.ts";
import { OrderDetailSchema } from "../schemas/order.ts";

export const GetOrderInput = z.strictObject({ order_id: orderIdParam });

export const GetOrderOutput = z.object({
  success: successTrue,
  order: OrderDetailSchema,
});
