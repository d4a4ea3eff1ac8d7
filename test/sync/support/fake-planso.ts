/**
 * An in-memory PlanSo for engine tests: a board, orders with parts, and switches for
 * failures and slow reads. Its `readOrder` returns what the real client returns:
 * board fields from the board entry, `parts`/`extended` null when not requested.
 */
import { PlansoError, type PlansoErrorKind } from "../../../src/planso/errors.ts";
import type { BoardItem, PlansoApi, UpstreamOrder } from "../../../src/planso/types.ts";

export interface FakePlanso extends PlansoApi {
  orders: Map<string, UpstreamOrder>;
  /** Ids listed on the board, in board order. */
  board: string[];
  /** Order id → error kind its next reads fail with (until deleted from the map). */
  failReads: Map<string, PlansoErrorKind>;
  failBoard: PlansoErrorKind | null;
  failLogin: boolean;
  /** When set, every order read waits for this promise first. */
  gate: Promise<void> | null;
  /** Reads waiting at the gate. */
  waiting: number;
  /** Order ids in the order they were read. */
  reads: string[];
  loggedIn: boolean;
}

const clone = <T>(value: T): T => structuredClone(value);

export function createFakePlanso(initial: UpstreamOrder[]): FakePlanso {
  let requests = 0;
  const fake: FakePlanso = {
    orders: new Map(initial.map((order) => [order.id, clone(order)])),
    board: initial.map((order) => order.id),
    failReads: new Map(),
    failBoard: null,
    failLogin: false,
    gate: null,
    reads: [],
    waiting: 0,
    loggedIn: false,
    async login() {
      requests += 2;
      if (fake.failLogin) throw new PlansoError("login_failed", "PlanSo showed the login form again");
      fake.loggedIn = true;
    },
    async logout() {
      fake.loggedIn = false;
    },
    async readBoard(): Promise<BoardItem[]> {
      requests++;
      if (fake.failBoard) throw new PlansoError(fake.failBoard, "board call failed");
      return fake.board.map((id) => {
        const order = fake.orders.get(id)!;
        return {
          id,
          short_name: order.short_name,
          station_id: order.station_id,
          station_state: order.station_state,
          employee_id: order.employee_id,
          board_position: order.board_position,
        };
      });
    },
    async readEmployees() {
      return [];
    },
    async readOrder(id, options) {
      if (fake.gate) {
        fake.waiting++;
        await fake.gate;
        fake.waiting--;
      }
      requests += 1 + (options.withParts ? 1 : 0);
      fake.reads.push(id);
      const failure = fake.failReads.get(id);
      if (failure) throw new PlansoError(failure, `order ${id}: ${failure}`, { orderId: id });
      const stored = fake.orders.get(id);
      if (!stored) throw new PlansoError("not_found", `order ${id} not found`, { orderId: id });
      const order = clone(stored);
      if (!options.board) {
        order.station_id = null;
        order.board_position = null;
        order.station_state = null;
      }
      if (!options.withParts) {
        order.parts = null;
        order.parts_totals = null;
        // The client's text flag only: parts were not read.
        order.missing_parts = /fehlt|offen|rückstand/i.test(order.parts_status ?? "");
      }
      if (!options.withExtended) order.extended = null;
      return order;
    },
    async createOrder() {
      throw new Error("not used");
    },
    async updateOrder() {
      throw new Error("not used");
    },
    async deleteOrder() {
      throw new Error("not used");
    },
    requestCount: () => requests,
    session: () => ({
      logged_in: fake.loggedIn,
      base_url: "http://127.0.0.1:1",
      username: "werkstatt",
      last_login_at: null,
      logins: 0,
      expiries: 0,
    }),
  };
  return fake;
}
