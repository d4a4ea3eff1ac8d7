/** Request and response schemas of `orders.update` (`PUT /api/orders/{order_id}`). */
import { z } from "zod";

import { doc, orderIdParam } from "../schemas/common.ts";
import { allDetails, clearableFields, keptField, ORDER_FIELDS, PLATE, TYPE_OF_DATE, VEHICLE_FIELDS } from "../schemas/order-write.ts";
import { expectedVersionBody, WriteOrderOutput } from "./write-order.types.ts";

const CHANGE = "Omitted: unchanged; null: cleared.";
const KEEP = "Omitted: unchanged; it cannot be cleared.";

export const UpdateOrderInput = z
  .strictObject({
    order_id: orderIdParam.meta(doc("PlanSo order id (`ID`). A body `order_id` must equal the path.", "10001")),
    expected_version: expectedVersionBody,
    vehicle_details: z
      .strictObject({
        number_plate: keptField(PLATE, KEEP),
        ...clearableFields(VEHICLE_FIELDS, CHANGE),
        all_details: allDetails,
      })
      .optional()
      .meta({ description: "Vehicle fields to change." }),
    ...clearableFields(ORDER_FIELDS, CHANGE),
    type_of_date: keptField(TYPE_OF_DATE, KEEP),
  })
  .meta({ description: "Fields to change; only these are written to PlanSo." });

export type UpdateOrderInput = z.infer<typeof UpdateOrderInput>;

export const UpdateOrderOutput = WriteOrderOutput;
