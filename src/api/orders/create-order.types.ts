/** Request and response schemas of `orders.create` (`POST /api/orders`). */
import { z } from "zod";

import { allDetails, clearableFields, ORDER_FIELDS, PLATE, TYPE_OF_DATE, VEHICLE_FIELDS } from "../schemas/order-write.ts";
import { WriteOrderOutput } from "./write-order.types.ts";

const UNSET = "Null or omitted: left empty.";

export const CreateOrderInput = z
  .strictObject({
    vehicle_details: z
      .strictObject({
        number_plate: PLATE.schema.meta({ description: `${PLATE.description} Required.` }),
        ...clearableFields(VEHICLE_FIELDS, UNSET),
        all_details: allDetails,
      })
      .meta({ description: "Vehicle data; `number_plate` is required." }),
    ...clearableFields(ORDER_FIELDS, UNSET),
    type_of_date: TYPE_OF_DATE.schema.default("0").meta({ description: TYPE_OF_DATE.description }),
  })
  .meta({
    description:
      "The order to create, in the PlanSo connector's reference request body. Send `Idempotency-Key` to make a retry safe: a repeat with the same key and body within 24 hours returns the first response and creates nothing.",
  });

export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const CreateOrderOutput = WriteOrderOutput;
