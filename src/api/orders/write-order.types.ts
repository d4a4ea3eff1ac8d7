/** Response schema shared by `orders.create` and `orders.update`, and the version precondition field. */
import { z } from "zod";

import { doc, successTrue } from "../schemas/common.ts";
import { OrderDetailSchema } from "../schemas/order.ts";
import { uncoerced } from "../schemas/order-write.ts";

export const WriteOrderOutput = z.object({
  success: successTrue,
  message: z.string().meta(doc("What happened in PlanSo and in the mirror.", "Order 10151 created in PlanSo and stored in the mirror")),
  order_id: z.string().meta(doc("PlanSo order id (`ID`).", "10151")),
  order: OrderDetailSchema.meta({ description: "The order as the mirror stored it from PlanSo's read-back; REST sends its version as `ETag`." }),
});

export type WriteOrderOutput = z.infer<typeof WriteOrderOutput>;

const EXPECTED_VERSION =
  "Write only if the order is still at this version (its `version`, or the `ETag` of `GET /api/orders/{order_id}`), in the mirror and in PlanSo; else 412 and nothing is written. `If-Match` does the same.";

const version = () => z.number({ error: "must be a whole number (the order's version)" }).int().positive();

/** `expected_version` in a JSON body: a JSON number only. */
export const expectedVersionBody = uncoerced(version()).optional().meta(doc(EXPECTED_VERSION, 3));

/** `expected_version` in a query string, which trpc-to-openapi converts to a number. */
export const expectedVersionQuery = version().optional().meta(doc(EXPECTED_VERSION, 3));

/** Documented error statuses of the write procedures; every error has the one error body. */
const WRITE_ERRORS: Record<number, string> = {
  400: "Invalid input; `issues` names each invalid field or header.",
  401: "Missing or unknown API key.",
  403: "The API key lacks the write scope, or writes are disabled (`WRITES_DISABLED`, see PLANSO_WRITES_ENABLED).",
  404: "PlanSo does not know the order.",
  409: "The Idempotency-Key was used with another request body.",
  412: "The order changed since `If-Match` / `expected_version`, in the mirror or in PlanSo; nothing was written.",
  429: "PlanSo rate-limited the write; retry after `Retry-After` seconds.",
  502: "PlanSo rejected or failed the write, with PlanSo's reason (per field in `issues`); the mirror is unchanged unless the message says PlanSo saved it.",
  503: "The sync worker is not available.",
  504: "PlanSo or the write deadline (WRITE_TIMEOUT_MS) timed out; the write may still complete.",
};

/** Error responses for the OpenAPI document of one write procedure. */
export function writeErrorResponses(statuses: readonly number[]): Record<number, string> {
  return Object.fromEntries(statuses.map((status) => [status, WRITE_ERRORS[status]!]));
}
