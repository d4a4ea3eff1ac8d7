/**
 * `orders.list` filters → SQL conditions with placeholders. Text reaches SQL only as
 * a placeholder value: a normalised key, an escaped LIKE pattern, a JSON list, or an
 * FTS query built from quoted word tokens (see text-match.ts). The plan's `shape`
 * names the conditions present, so equal shapes share one prepared statement.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import { foldForMatch } from "../../domain/names.ts";
import { phoneSearchDigits } from "../../domain/phone.ts";
import { plateSearchKey } from "../../domain/plate.ts";
import { orders } from "../schema.ts";
import { QueryInputError } from "./errors.ts";
import { ftsPersonQuery, ftsPhoneQuery, ftsPrefixQuery, likeContains, prefixUpperBound } from "./text-match.ts";

/** Filters of `orders.list`, already validated: dates are `YYYY-MM-DD`, timestamps ISO UTC. */
export interface OrderFilters {
  plate?: string;
  person?: string;
  phone?: string;
  email?: string;
  status?: string[];
  damage?: string[];
  q?: string;
  missing_parts?: boolean;
  on_board?: boolean;
  include_deleted?: boolean;
  shop_date_from?: string;
  shop_date_to?: string;
  repair_date_from?: string;
  repair_date_to?: string;
  finish_date_from?: string;
  finish_date_to?: string;
  /** ISO 8601 UTC with milliseconds, the stored format of `updated_at`. */
  updated_since?: string;
}

export interface FilterPlan {
  conditions: SQL[];
  /** Placeholder name → value. */
  values: Record<string, unknown>;
  /** Names of the conditions present, in a fixed order: the statement cache key. */
  shape: string[];
  /** Id-list placeholder → FTS5 query whose matching rowids fill it (see resolveFtsFilters). */
  fts: Record<string, string>;
  /** Filters that are exactly an id list (person, q): shape name → id-list placeholder. */
  idLists: Record<string, string>;
  /**
   * A filter other than the flags narrows the listing through its own index (or
   * FTS), so the listing sorts the matches instead of walking the sort index.
   */
  selective: boolean;
}

const p = sql.placeholder;

/**
 * Orders whose id is in the JSON list in placeholder `name`. FTS filters are run
 * once per request (resolveFtsFilters) and enter the page and count statements as
 * such a list, instead of running the FTS query in each of them.
 */
function idIn(name: string): SQL {
  return sql`${orders.id} IN (SELECT value FROM json_each(${p(name)}))`;
}

/** Builds the FTS5 query for `q`. Throws QueryInputError when the text has no word to search for. */
export function qFtsQuery(q: string): string {
  const query = ftsPrefixQuery(q);
  if (query === null) throw new QueryInputError("q", "q must contain at least one letter or digit");
  return query;
}

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** Builds the plan for the given filters. `withQ: false` leaves `q` out, because the relevance listing joins it itself. */
export function planOrderFilters(f: OrderFilters, options: { withQ?: boolean } = {}): FilterPlan {
  const plan: FilterPlan = { conditions: [], values: {}, shape: [], fts: {}, idLists: {}, selective: false };
  const add = (name: string, condition: SQL, values: Record<string, unknown>, selective: boolean) => {
    plan.conditions.push(condition);
    Object.assign(plan.values, values);
    plan.shape.push(name);
    if (selective) plan.selective = true;
  };

  if (given(f.plate)) {
    const key = plateSearchKey(f.plate);
    if (key === null) throw new QueryInputError("plate", "plate must contain at least one letter or digit");
    add("plate", sql`${orders.plateKey} >= ${p("plate_lo")} AND ${orders.plateKey} < ${p("plate_hi")}`, { plate_lo: key, plate_hi: prefixUpperBound(key) }, true);
  }

  if (given(f.person)) {
    const query = ftsPersonQuery(f.person);
    if (query === null) throw new QueryInputError("person", "person must contain at least one letter or digit");
    add("person", idIn("person_ids"), {}, true);
    plan.fts.person_ids = query;
    plan.idLists.person = "person_ids";
  }

  if (given(f.phone)) {
    const digits = phoneSearchDigits(f.phone);
    if (digits === null) throw new QueryInputError("phone", "phone must contain at least 5 digits");
    // The first number matches on any trailing run (a reversed prefix on phone_rev).
    // Further numbers in the field match from their start, through the FTS phone column.
    const reversed = [...digits].reverse().join("");
    add(
      "phone",
      sql`(${orders.phoneRev} >= ${p("phone_lo")} AND ${orders.phoneRev} < ${p("phone_hi")} OR ${idIn("phone_ids")})`,
      { phone_lo: reversed, phone_hi: prefixUpperBound(reversed) },
      true,
    );
    plan.fts.phone_ids = ftsPhoneQuery(digits);
  }

  if (given(f.email)) {
    // As a subquery, the LIKE scans the small e-mail index instead of the wide rows.
    add(
      "email",
      sql`${orders.id} IN (SELECT id FROM orders WHERE email_lower LIKE ${p("email_like")} ESCAPE '\\')`,
      { email_like: likeContains(f.email.normalize("NFC").trim().toLowerCase()) },
      true,
    );
  }

  const status = keys(f.status);
  if (status.length > 0) {
    add("status", sql`${orders.statusKey} IN (SELECT value FROM json_each(${p("status_keys")}))`, { status_keys: JSON.stringify(status) }, true);
  }
  const damage = keys(f.damage);
  if (damage.length > 0) {
    add("damage", sql`${orders.damageKey} IN (SELECT value FROM json_each(${p("damage_keys")}))`, { damage_keys: JSON.stringify(damage) }, true);
  }

  if ((options.withQ ?? true) && given(f.q)) {
    add("q", idIn("q_ids"), {}, true);
    plan.fts.q_ids = qFtsQuery(f.q);
    plan.idLists.q = "q_ids";
  }

  if (f.missing_parts !== undefined) add("missing", sql`${orders.missingParts} = ${p("missing")}`, { missing: f.missing_parts ? 1 : 0 }, false);
  if (f.on_board !== undefined) add("on_board", sql`${orders.onBoard} = ${p("on_board")}`, { on_board: f.on_board ? 1 : 0 }, false);
  if (f.include_deleted !== true) add("live", sql`${orders.deletedAt} IS NULL`, {}, false);

  const range = (name: string, column: SQLiteColumn, op: ">=" | "<=", value: string | undefined) => {
    if (value !== undefined) add(name, sql`${column} ${sql.raw(op)} ${p(name)}`, { [name]: value }, true);
  };
  range("shop_from", orders.shopDate, ">=", f.shop_date_from);
  range("shop_to", orders.shopDate, "<=", f.shop_date_to);
  range("repair_from", orders.repairDate, ">=", f.repair_date_from);
  range("repair_to", orders.repairDate, "<=", f.repair_date_to);
  range("finish_from", orders.finishDate, ">=", f.finish_date_from);
  range("finish_to", orders.finishDate, "<=", f.finish_date_to);
  range("updated_since", orders.updatedAt, ">=", f.updated_since);

  return plan;
}

/** Folded, deduplicated status or damage values; empty strings dropped. */
function keys(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map(foldForMatch).filter((v) => v !== ""))];
}

/** Joins the conditions with AND; no conditions give a condition that is always true. */
export function whereAll(conditions: readonly SQL[]): SQL {
  return conditions.length === 0 ? sql`1` : sql.join(conditions.map((c) => sql`(${c})`), sql` AND `);
}
