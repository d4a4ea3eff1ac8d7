import { listPartsByOrder } from "../../db/queries/list-parts-by-order.ts";
import { orderNotFound } from "../errors.ts";
import { readProcedure } from "../trpc.ts";
import { ListPartsByOrderInput, ListPartsByOrderOutput } from "./list-parts-by-order.types.ts";

export const listPartsByOrderProcedure = readProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/orders/{order_id}/parts",
      tags: ["parts"],
      summary: "Parts of one order",
    },
  })
  .input(ListPartsByOrderInput)
  .output(ListPartsByOrderOutput)
  .query(({ ctx, input }) => {
    const parts = listPartsByOrder(ctx.db, input);
    if (parts === null) throw orderNotFound(input.order_id);
    return { success: true as const, order_id: String(input.order_id), parts, count: parts.length };
  });
