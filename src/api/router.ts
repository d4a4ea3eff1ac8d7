/** The whole API: one router per area. */
import { authRouter } from "./auth/router.ts";
import { changesRouter } from "./changes/router.ts";
import { ordersRouter } from "./orders/router.ts";
import { partsRouter } from "./parts/router.ts";
import { syncRouter } from "./sync/router.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  orders: ordersRouter,
  parts: partsRouter,
  sync: syncRouter,
  auth: authRouter,
  changes: changesRouter,
});

export type AppRouter = typeof appRouter;

/**
 * Output schemas describe the responses: they make the OpenAPI document and the
 * client types, and TypeScript checks each resolver against its schema. tRPC would
 * also parse every response with its schema at run time, which copies the response.
 * That took about 15 of a plate search's 90 microseconds in-process, and it would turn
 * an odd value read from PlanSo into a 500. So the output parsers are removed from
 * the procedures, and tests check every response instead (`checkOutput` in context.ts).
 * This relies on tRPC 11 internals (`_def.middlewares`, `_type`); a test guards it.
 */
for (const procedure of Object.values(appRouter._def.procedures as unknown as Record<string, OutputParsedProcedure>)) {
  procedure._def.middlewares = procedure._def.middlewares.filter((middleware) => middleware._type !== "output");
}

interface OutputParsedProcedure {
  _def: { middlewares: Array<{ _type?: string }> };
}
