import { partsStatusByOrder } from "../../db/queries/parts-status-by-order.ts";
import { orderNotFound } from "../errors.ts";
import { readProcedure } from "../trpc.ts";
import { PartsStatusByOrderInput, PartsStatusByOrderOutput } from "./parts-status-by-order.types.ts";

export const partsStatusByOrderProcedure = readProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/orders/{order_id}/parts/status",
      tags: ["parts"],
      summary: "Delivery status of one order's parts",
    },
  })
  .input(PartsStatusByOrderInput)
  .output(PartsStatusByOrderOutput)
  .query(({ ctx, input }) => {
    const status = partsStatusByOrder(ctx.db, input);
    if (status === null) throw orderNotFound(input.order_id);
    return { success: true as const, ...status };
  });
