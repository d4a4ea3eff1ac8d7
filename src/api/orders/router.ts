import { router } from "../trpc.ts";
import { getOrderProcedure } from "./get-order.ts";
import { listOrdersProcedure } from "./list-orders.ts";

export const ordersRouter = router({
  list: listOrdersProcedure,
  get: getOrderProcedure,
});
