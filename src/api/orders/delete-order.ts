import { z } from "zod";

import { writeProcedure } from "../trpc.ts";
import { DeleteOrderInput, DeleteOrderOutput } from "./delete-order.types.ts";
import { assertWritesEnabled, sendWrite } from "./send-write.ts";
import { writeErrorResponses } from "./write-order.types.ts";
import { expectedVersionOf } from "./write-request.ts";

export const deleteOrderProcedure = writeProcedure
  .meta({
    openapi: {
      method: "DELETE",
      path: "/orders/{order_id}",
      tags: ["orders"],
      errorResponses: writeErrorResponses([400, 401, 403, 404, 412, 429, 502, 503, 504]),
      summary: "Delete an order",
      description:
        "Deletes the order in PlanSo and marks it deleted in the mirror: it keeps its data and `deleted_at`, and `orders.list` shows it only with `include_deleted=true`. With `If-Match` or `expected_version` (query), the delete happens only if the order has not changed since that version; else 412.",
      requestHeaders: z.object({
        "If-Match": z.string().optional().meta({ description: "The order's ETag from `GET /api/orders/{order_id}`.", examples: ['"3"'] }),
      }),
    },
  })
  .input(DeleteOrderInput)
  .output(DeleteOrderOutput)
  .mutation(async ({ ctx, input }) => {
    const expected = expectedVersionOf(ctx, input.order_id, input.expected_version);
    assertWritesEnabled(ctx);
    const answer = await sendWrite(ctx, { op: "delete", order_id: String(input.order_id), expected_version: expected });
    return answer as z.infer<typeof DeleteOrderOutput>;
  });
