import { z } from "zod";

import { writeProcedure } from "../trpc.ts";
import { CreateOrderInput, CreateOrderOutput } from "./create-order.types.ts";
import { assertWritesEnabled, sendWrite } from "./send-write.ts";
import { writeErrorResponses } from "./write-order.types.ts";
import { idempotencyOf, toWriteFields } from "./write-request.ts";

export const createOrderProcedure = writeProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/orders",
      tags: ["orders"],
      errorResponses: writeErrorResponses([400, 401, 403, 409, 429, 502, 503, 504]),
      summary: "Create an order",
      description:
        "Creates the order in PlanSo, reads it back and stores it in the mirror, so `orders.get` and `orders.list` show it at once. When PlanSo rejects or fails the save, nothing changes in the mirror. An `Idempotency-Key` header makes a retry safe for 24 hours.",
      requestHeaders: z.object({
        "Idempotency-Key": z
          .string()
          .optional()
          .meta({ description: "Any unique text (1–255 visible ASCII characters), e.g. a UUID.", examples: ["6f1c0a4e-5d0b-4c55-9a51-2f0d6f2b7c11"] }),
      }),
      responseHeaders: z.object({ ETag: z.string().meta({ description: "The new order's version, quoted.", examples: ['"1"'] }) }),
    },
    successStatus: 201,
    etag: (output) => `"${(output as z.infer<typeof CreateOrderOutput>).order.version}"`,
  })
  .input(CreateOrderInput)
  .output(CreateOrderOutput)
  .mutation(async ({ ctx, input }) => {
    const idempotency = idempotencyOf(ctx, input);
    assertWritesEnabled(ctx);
    const answer = await sendWrite(ctx, { op: "create", fields: toWriteFields(input, { dropNulls: true }), idempotency });
    return answer as z.infer<typeof CreateOrderOutput>;
  });
