/**
 * The order write commands the main thread sends to the sync worker, and the
 * outcomes the worker returns. Both sides share these types, and the worker
 * validates every command with `WriteCommandSchema` before it calls PlanSo.
 *
 * A PlanSo failure travels back as a rejected promise with a PlansoError (rebuilt on
 * the main thread from its `kind`). Preconditions that the worker checks itself
 * (version mismatch, idempotency conflict) come back as outcomes, because they are
 * expected results, not failures.
 */
import { z } from "zod";

import type { OrderDetail } from "../db/order-row.ts";
import { DEFAULT_LABEL_RULES, type ValueKind } from "../planso/labels.ts";
import type { OrderWriteFields } from "../planso/types.ts";

/** Value schema per label kind, in the write-body form (`encodeWriteFields` input). */
const VALUE_BY_KIND: Record<ValueKind, z.ZodType> = {
  text: z.string(),
  select: z.string(),
  select_value: z.string(),
  date: z.string(),
  datetime: z.string(),
  month: z.string(),
  decimal: z.number(),
  checkbox: z.boolean(),
  select_id: z.number().int(),
};

/**
 * Shape of `OrderWriteFields`, built from the default label rules so that every
 * writable field (and only those) is accepted with its value type. Tenant label
 * overrides change labels, never write paths or kinds, so the defaults suffice.
 */
function writeFieldsSchema(): z.ZodType<OrderWriteFields> {
  const top: Record<string, z.ZodType> = {};
  const vehicle: Record<string, z.ZodType> = {};
  for (const rule of DEFAULT_LABEL_RULES) {
    if (rule.write === undefined) continue;
    const value = VALUE_BY_KIND[rule.kind].nullable().optional();
    if (rule.write.startsWith("vehicle_details.")) vehicle[rule.write.slice("vehicle_details.".length)] = value;
    else top[rule.write] = value;
  }
  return z.strictObject({ ...top, vehicle_details: z.strictObject(vehicle).optional() }) as unknown as z.ZodType<OrderWriteFields>;
}

export const OrderWriteFieldsSchema = writeFieldsSchema();

/** Idempotency data of a create: the caller, its key and the SHA-256 (hex) of the canonical request body. */
export const IdempotencySchema = z.object({
  principal: z.string().min(1),
  key: z.string().min(1),
  body_hash: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type Idempotency = z.infer<typeof IdempotencySchema>;

const orderId = z.string().regex(/^[1-9]\d{0,14}$/u);
/** Mirror version the caller last saw (`If-Match` or `expected_version`); absent means no check. */
const expectedVersion = z.number().int().positive().optional();

export const WriteCommandSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("create"), fields: OrderWriteFieldsSchema, idempotency: IdempotencySchema.optional() }),
  z.object({ op: z.literal("update"), order_id: orderId, fields: OrderWriteFieldsSchema, expected_version: expectedVersion }),
  z.object({ op: z.literal("delete"), order_id: orderId, expected_version: expectedVersion }),
]);
export type WriteCommand = z.infer<typeof WriteCommandSchema>;

export type WriteOutcome =
  | {
      status: "ok";
      op: WriteCommand["op"];
      order_id: string;
      /** One sentence for the caller: what happened in PlanSo and in the mirror. */
      message: string;
      /** The order as stored after the write; null after deleting an order the mirror never stored. */
      order: OrderDetail | null;
      /** Fields the write changed in the mirror (`person`, `vehicle.vin`); empty for create and delete. */
      changed_fields: string[];
    }
  /**
   * PlanSo saved the write, but reading the order back failed, so the mirror is
   * unchanged until the next sync reads it. The API returns 502 with `message`.
   */
  | { status: "saved_not_mirrored"; order_id: string; message: string }
  /** The first response to an earlier create with the same idempotency key and body. */
  | { status: "replayed"; http_status: number; response: unknown }
  /** The order changed since `expected_version`, in the mirror or in PlanSo; nothing was written. */
  | { status: "precondition_failed"; message: string; current_version: number | null }
  /** The idempotency key was used before with another request body; nothing was written. */
  | { status: "conflict"; message: string };

/** Validates a command received by the worker; throws with every problem named. */
export function parseWriteCommand(payload: unknown): WriteCommand {
  const parsed = WriteCommandSchema.safeParse(payload);
  if (!parsed.success) throw new Error(`Invalid write command: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
