import { listOrders } from "../../db/queries/list-orders.ts";
import { readProcedure } from "../trpc.ts";
import { ListOrdersInput, ListOrdersOutput } from "./list-orders.types.ts";

export const listOrdersProcedure = readProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/orders",
      tags: ["orders"],
      summary: "Search and list orders",
      description: "Filtered, sorted, keyset-paged orders from the mirror.",
    },
  })
  .input(ListOrdersInput)
  .output(ListOrdersOutput)
  .query(({ ctx, input }) => ({ success: true as const, ...listOrders(ctx.db, input) }));
