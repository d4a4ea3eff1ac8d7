/**
 * Request parts that the write procedures read besides the validated body: the
 * `Idempotency-Key` and `If-Match` headers, and a body `order_id` that REST hides
 * behind the path. Also the conversion of the body to the PlanSo client's write fields.
 */
import { getOrder } from "../../db/queries/get-order.ts";
import type { OrderWriteFields } from "../../planso/types.ts";
import type { Idempotency } from "../../sync/write-messages.ts";
import type { ApiContext } from "../context.ts";
import { AppError } from "../errors.ts";

/** Visible ASCII, 1 to 255 characters (as in the IETF Idempotency-Key draft's examples). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/u;

function invalidHeader(name: string, message: string): AppError {
  return new AppError("BAD_REQUEST", `Invalid ${name} header: ${message}`, { issues: [{ path: name, message }] });
}

/**
 * Returns the idempotency data of a create, or undefined without the header. The body
 * hash is taken over the validated body, so two spellings of one date are one body.
 */
export function idempotencyOf(ctx: ApiContext, body: unknown): Idempotency | undefined {
  const key = ctx.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw invalidHeader("Idempotency-Key", "must be 1 to 255 visible ASCII characters, e.g. a UUID");
  }
  return {
    // writeProcedure has checked that a principal exists.
    principal: ctx.principal?.id ?? "local",
    key,
    body_hash: new Bun.CryptoHasher("sha256").update(canonicalJson(body)).digest("hex"),
  };
}

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    // Keys of one object are distinct, so the comparator never needs to return 0.
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(",")}}`;
}

type IfMatch = { kind: "none" } | { kind: "any" } | { kind: "versions"; versions: number[] };

/** Parses `If-Match`: `"3"`, `W/"3"`, a comma-separated list of them, or `*`. A bare `3` is accepted too. */
export function parseIfMatch(header: string | null): IfMatch {
  if (header === null || header.trim() === "") return { kind: "none" };
  if (header.trim() === "*") return { kind: "any" };
  const versions: number[] = [];
  for (const part of header.split(",")) {
    const match = /^\s*(?:W\/)?"?([1-9]\d{0,14})"?\s*$/u.exec(part);
    if (match === null) throw invalidHeader("If-Match", 'must be an entity tag from ETag, such as "3"');
    versions.push(Number(match[1]));
  }
  return { kind: "versions", versions };
}

/**
 * The version a write must find, from `If-Match` and the body's `expected_version`,
 * or undefined for no check. `If-Match: *` only requires that the mirror has the
 * order. Of several listed versions, the order's current one is taken when listed.
 */
export function expectedVersionOf(ctx: ApiContext, orderId: number, bodyVersion: number | undefined): number | undefined {
  const ifMatch = parseIfMatch(ctx.headers.get("if-match"));
  const stored = () => getOrder(ctx.db, { order_id: orderId });

  let headerVersion: number | undefined;
  if (ifMatch.kind === "any") {
    const order = stored();
    if (order === null || order.deleted_at !== null) {
      throw new AppError("PRECONDITION_FAILED", `Order ${orderId} is not in the mirror, so If-Match: * does not hold; nothing was written`);
    }
  } else if (ifMatch.kind === "versions") {
    const current = ifMatch.versions.length > 1 ? stored()?.version : undefined;
    headerVersion = current !== undefined && ifMatch.versions.includes(current) ? current : ifMatch.versions[0];
  }

  if (headerVersion !== undefined && bodyVersion !== undefined && headerVersion !== bodyVersion) {
    throw new AppError("BAD_REQUEST", `If-Match names version ${headerVersion} but expected_version is ${bodyVersion}; send one of them`, {
      issues: [{ path: "expected_version", message: `differs from If-Match (${headerVersion})` }],
    });
  }
  return headerVersion ?? bodyVersion;
}

/**
 * Rejects a body `order_id` that differs from the path. REST puts the path value into
 * the input, so the body is read again; over tRPC the input has only one `order_id`.
 */
export function assertBodyOrderId(ctx: ApiContext, pathId: number): void {
  if (ctx.rawBody === null || ctx.rawBody.byteLength === 0) return;
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(ctx.rawBody));
  } catch {
    return;
  }
  if (body === null || typeof body !== "object" || !("order_id" in body)) return;
  const bodyOrderId = (body as { order_id: unknown }).order_id;
  if (String(bodyOrderId) === String(pathId)) return;
  const message = `differs from the order id in the path (${pathId})`;
  throw new AppError("BAD_REQUEST", `Invalid input: order_id ${JSON.stringify(bodyOrderId)} in the body ${message}`, {
    issues: [{ path: "order_id", message }],
  });
}

/**
 * Converts the validated body to the PlanSo client's write fields. Request-only members
 * (`order_id`, `expected_version`, `vehicle_details.all_details`) are left out, and
 * with `dropNulls` (create) so are nulls, which mean "empty" for a new order.
 */
export function toWriteFields(body: Record<string, unknown>, options: { dropNulls: boolean }): OrderWriteFields {
  const keep = (value: unknown) => value !== undefined && !(options.dropNulls && value === null);
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "order_id" || name === "expected_version" || !keep(value)) continue;
    if (name === "vehicle_details" && value !== null && typeof value === "object") {
      const vehicle = Object.fromEntries(Object.entries(value).filter(([inner, innerValue]) => inner !== "all_details" && keep(innerValue)));
      if (Object.keys(vehicle).length > 0) fields.vehicle_details = vehicle;
      continue;
    }
    fields[name] = value;
  }
  return fields as OrderWriteFields;
}
