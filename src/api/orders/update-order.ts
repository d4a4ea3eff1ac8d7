import { z } from "zod";

import { writeProcedure } from "../trpc.ts";
import { assertWritesEnabled, sendWrite } from "./send-write.ts";
import { UpdateOrderInput, UpdateOrderOutput } from "./update-order.types.ts";
import { writeErrorResponses } from "./write-order.types.ts";
import { assertBodyOrderId, expectedVersionOf, toWriteFields } from "./write-request.ts";

export const updateOrderProcedure = writeProcedure
  .meta({
    openapi: {
      method: "PUT",
      path: "/orders/{order_id}",
      tags: ["orders"],
      errorResponses: writeErrorResponses([400, 401, 403, 404, 412, 429, 502, 503, 504]),
      summary: "Update an order",
      description:
        "Writes the given fields to PlanSo (omitted fields stay, null clears), reads the order back and stores it in the mirror. With `If-Match` or `expected_version`, the write happens only if the order has not changed since that version, in the mirror or in PlanSo; else 412.",
      requestHeaders: z.object({
        "If-Match": z.string().optional().meta({ description: "The order's ETag from `GET /api/orders/{order_id}`.", examples: ['"3"'] }),
      }),
      responseHeaders: z.object({ ETag: z.string().meta({ description: "The order version after the write, quoted.", examples: ['"4"'] }) }),
    },
    etag: (output) => `"${(output as z.infer<typeof UpdateOrderOutput>).order.version}"`,
  })
  .input(UpdateOrderInput)
  .output(UpdateOrderOutput)
  .mutation(async ({ ctx, input }) => {
    assertBodyOrderId(ctx, input.order_id);
    const expected = expectedVersionOf(ctx, input.order_id, input.expected_version);
    assertWritesEnabled(ctx);
    const answer = await sendWrite(ctx, {
      op: "update",
      order_id: String(input.order_id),
      fields: toWriteFields(input, { dropNulls: false }),
      expected_version: expected,
    });
    return answer as z.infer<typeof UpdateOrderOutput>;
  });
