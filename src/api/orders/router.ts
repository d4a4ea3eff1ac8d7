import { router } from "../trpc.ts";
import { createOrderProcedure } from "./create-order.ts";
import { deleteOrderProcedure } from "./delete-order.ts";
import { getOrderProcedure } from "./get-order.ts";
import { listOrdersProcedure } from "./list-orders.ts";
import { updateOrderProcedure } from "./update-order.ts";

export const ordersRouter = router({
  list: listOrdersProcedure,
  get: getOrderProcedure,
  create: createOrderProcedure,
  update: updateOrderProcedure,
  delete: deleteOrderProcedure,
});
