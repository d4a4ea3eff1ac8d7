import { z } from "zod";

import { getOrder } from "../../db/queries/get-order.ts";
import { orderNotFound } from "../errors.ts";
import { readProcedure } from "../trpc.ts";
import { GetOrderInput, GetOrderOutput } from "./get-order.types.ts";

export const getOrderProcedure = readProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/orders/{order_id}",
      tags: ["orders"],
      summary: "One order",
      description: "The order with vehicle, raw form fields and parts summary; deleted orders too (with `deleted_at`).",
      responseHeaders: z.object({ ETag: z.string().meta({ description: "The order version, quoted.", examples: ['"3"'] }) }),
    },
    etag: (output) => `"${(output as z.infer<typeof GetOrderOutput>).order.version}"`,
  })
  .input(GetOrderInput)
  .output(GetOrderOutput)
  .query(({ ctx, input }) => {
    const order = getOrder(ctx.db, input);
    if (order === null) throw orderNotFound(input.order_id);
    return { success: true as const, order };
  });
