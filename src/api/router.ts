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
