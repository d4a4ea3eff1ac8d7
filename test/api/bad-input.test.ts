import { afterAll, beforeAll, describe, expect, test } from "bun:test";

import { listOrdersVia, restGet, TRANSPORTS, trpcClient, trpcReply } from "../support/api-client.ts";
import { startTestServer, type TestServer } from "../support/api-server.ts";

let server: TestServer;
/** Every error body seen, checked for stack traces at the end. */
const bodies: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ orders: 20, env: { MAX_BODY_BYTES: "1024" } });
});

afterAll(async () => {
  await server.stop();
});

interface ErrorReply {
  status: number;
  body: { success: false; code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

async function raw(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}): Promise<ErrorReply> {
  const response = await fetch(server.url + path, { method, body: init.body, headers: init.headers });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, body: JSON.parse(text) };
}

function expectError(reply: ErrorReply, status: number, code: string, fields: string[] = []): void {
  expect(reply.status).toBe(status);
  expect(reply.body.success).toBe(false);
  expect(reply.body.code).toBe(code);
  expect(reply.body.message).toBeString();
  if (fields.length > 0) expect(reply.body.issues?.map((i) => i.path).sort()).toEqual([...fields].sort());
}

for (const transport of TRANSPORTS) {
  describe(`invalid orders.list input over ${transport}`, () => {
    const call = async (params: Record<string, unknown>) => {
      const reply = (await listOrdersVia(transport, server.url, params)) as unknown as ErrorReply;
      bodies.push(JSON.stringify(reply.body));
      return reply;
    };

    test("boolean other than true/false", async () => {
      for (const value of ["nein", "1", "yes", "TRUE", ""]) expectError(await call({ missing_parts: value }), 400, "BAD_REQUEST", ["missing_parts"]);
      expectError(await call({ on_board: "0" }), 400, "BAD_REQUEST", ["on_board"]);
    });

    test("limit out of range or not a number", async () => {
      expectError(await call({ limit: 0 }), 400, "BAD_REQUEST", ["limit"]);
      expectError(await call({ limit: 501 }), 400, "BAD_REQUEST", ["limit"]);
      expectError(await call({ limit: 2.5 }), 400, "BAD_REQUEST", ["limit"]);
      expectError(await call({ limit: "abc" }), 400, "BAD_REQUEST", ["limit"]);
    });

    test("limit error names the range", async () => {
      for (const limit of [0, 501, 2.5, "abc"]) {
        const reply = await call({ limit });
        expect(reply.body.issues?.[0]?.message).toBe("must be a whole number from 1 to 500");
      }
    });

    test("unknown sort and order", async () => {
      expectError(await call({ sort: "plate" }), 400, "BAD_REQUEST", ["sort"]);
      expectError(await call({ order: "up" }), 400, "BAD_REQUEST", ["order"]);
    });

    test("impossible and malformed dates", async () => {
      expectError(await call({ shop_date_from: "31.02.2024" }), 400, "BAD_REQUEST", ["shop_date_from"]);
      expectError(await call({ shop_date_to: "2024/07/15" }), 400, "BAD_REQUEST", ["shop_date_to"]);
      expectError(await call({ updated_since: "gestern" }), 400, "BAD_REQUEST", ["updated_since"]);
    });

    test("several bad fields are all named", async () => {
      expectError(await call({ limit: 0, missing_parts: "x", sort: "x" }), 400, "BAD_REQUEST", ["limit", "missing_parts", "sort"]);
    });

    test("unknown field", async () => {
      expectError(await call({ missing_part: "true" }), 400, "BAD_REQUEST", ["missing_part"]);
    });

    test("cursor that is not ours", async () => {
      expectError(await call({ cursor: "bm90LWEtY3Vyc29y" }), 400, "BAD_REQUEST", ["cursor"]);
      expectError(await call({ cursor: "%%%" }), 400, "BAD_REQUEST", ["cursor"]);
    });

    test("text with nothing to search for", async () => {
      expectError(await call({ phone: "12-34" }), 400, "BAD_REQUEST", ["phone"]);
      expectError(await call({ q: "***" }), 400, "BAD_REQUEST", ["q"]);
    });

    test("hostile text is only text", async () => {
      for (const text of ["'; DROP TABLE orders; --", '" OR 1=1', "\\", "%_%", "NEAR(a b)", "ü".repeat(200)]) {
        for (const field of ["plate", "person", "email", "q"]) {
          const reply = await call({ [field]: text });
          expect(reply.status === 200 || reply.status === 400).toBe(true);
        }
      }
      expect(server.db.$client.query("SELECT count(*) AS n FROM orders").get()).toEqual({ n: 27 });
    });
  });
}

describe("REST request problems", () => {
  test("malformed JSON body", async () => {
    expectError(await raw("POST", "/api/sync", { body: "{bad", headers: { "content-type": "application/json" } }), 400, "BAD_REQUEST");
  });

  test("JSON body that is not an object", async () => {
    for (const body of ["[12]", '"sync"', "42", "null"]) {
      const reply = await raw("POST", "/api/sync", { body, headers: { "content-type": "application/json" } });
      expectError(reply, 400, "BAD_REQUEST");
      expect(reply.body.message).toBe("Request body must be a JSON object with the operation's fields");
    }
  });

  test("wrong field type in a JSON body", async () => {
    const reply = await raw("POST", "/api/sync", { body: JSON.stringify({ with_parts: "yes", order_ids: [12] }), headers: { "content-type": "application/json" } });
    expectError(reply, 400, "BAD_REQUEST", ["order_ids.0", "with_parts"]);
  });

  test("wrong content type", async () => {
    expectError(await raw("POST", "/api/sync", { body: "with_parts=true", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectError(await raw("POST", "/api/sync", { body: "{}", headers: { "content-type": "text/plain" } }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("body over the size limit", async () => {
    const big = JSON.stringify({ order_ids: Array.from({ length: 200 }, (_, i) => String(10000 + i)) });
    expectError(await raw("POST", "/api/sync", { body: big, headers: { "content-type": "application/json" } }), 413, "PAYLOAD_TOO_LARGE");
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(400)));
        controller.close();
      },
    });
    expectError(await raw("POST", "/api/sync", { body: chunks, headers: { "content-type": "application/json" } }), 413, "PAYLOAD_TOO_LARGE");
  });

  test("order id that is not a number", async () => {
    expectError(await raw("GET", "/api/orders/abc"), 400, "BAD_REQUEST", ["order_id"]);
    expectError(await raw("GET", "/api/orders/0123"), 400, "BAD_REQUEST", ["order_id"]);
  });

  test("unknown order", async () => {
    expectError(await raw("GET", "/api/orders/99999999"), 404, "NOT_FOUND");
    expectError(await raw("GET", "/api/orders/99999999/parts"), 404, "NOT_FOUND");
    expectError(await raw("GET", "/api/orders/99999999/parts/status"), 404, "NOT_FOUND");
  });

  test("unknown routes", async () => {
    const api = await raw("GET", "/api/nothing/here");
    expectError(api, 404, "NOT_FOUND");
    expect(api.body.message).toBe("No route GET /api/nothing/here");
    const other = await raw("GET", "/nothing");
    expectError(other, 404, "NOT_FOUND");
    expect(other.body.message).toBe("No route GET /nothing");
    expectError(await raw("DELETE", "/api/sync/status"), 404, "NOT_FOUND");
    const trpc = await fetch(`${server.url}/trpc/orders.nothing`);
    const trpcBody = (await trpc.json()) as { error: { data: { code: string } } };
    bodies.push(JSON.stringify(trpcBody));
    expect(trpc.status).toBe(404);
    expect(trpcBody.error.data.code).toBe("NOT_FOUND");
  });

  test("odd URLs answer 4xx", async () => {
    for (const path of ["/api/orders?plate=%E0%A4%A", "/api/orders?%%%=1", "/api/orders/%00", "/api/orders?limit=1e400", "/api/orders?limit=-1"]) {
      const response = await fetch(server.url + path);
      bodies.push(await response.text());
      expect(response.status === 200 || (response.status >= 400 && response.status < 500)).toBe(true);
    }
  });
});

describe("tRPC request problems", () => {
  test("malformed JSON body", async () => {
    const response = await fetch(`${server.url}/trpc/sync.trigger`, { method: "POST", body: "{bad", headers: { "content-type": "application/json" } });
    const body = (await response.json()) as { error: { data: { code: string } } };
    bodies.push(JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(body.error.data.code).toBe("BAD_REQUEST");
  });

  test("wrong content type", async () => {
    const response = await fetch(`${server.url}/trpc/sync.trigger`, { method: "POST", body: "{}", headers: { "content-type": "text/plain" } });
    const body = (await response.json()) as { error: { data: { code: string; message: string } } };
    bodies.push(JSON.stringify(body));
    expect(response.status).toBe(415);
    expect(body.error.data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(body.error.data.message).toBe("Content-Type must be application/json");
  });

  test("error data names the field", async () => {
    const client = trpcClient(server.url);
    const reply = await trpcReply(() => client.orders.get.query({ order_id: "x" }));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ success: false, code: "BAD_REQUEST", message: "Invalid input: order_id", issues: [{ path: "order_id", message: "must be a PlanSo order id: digits, no leading zero" }] });
  });
});

describe("error bodies", () => {
  test("never carry a stack trace", () => {
    expect(bodies.length).toBeGreaterThan(40);
    for (const body of bodies) {
      expect(body).not.toContain("stack");
      expect(body).not.toMatch(/\bat .*\.(ts|js):\d+/u);
      expect(body).not.toContain("SQLITE");
    }
  });
});

describe("REST GET with the restGet helper", () => {
  test("missing_parts=false is not read as true", async () => {
    const reply = await restGet<{ orders: Array<{ missing_parts: boolean }> }>(server.url, "/orders", { missing_parts: "false", limit: 500 });
    expect(reply.status).toBe(200);
    expect(reply.body.orders.length).toBeGreaterThan(0);
    expect(reply.body.orders.every((o) => o.missing_parts === false)).toBe(true);
  });
});
