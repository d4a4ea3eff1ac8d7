import { router } from "../trpc.ts";
import { listPartsByOrderProcedure } from "./list-parts-by-order.ts";
import { partsStatusByOrderProcedure } from "./parts-status-by-order.ts";
import { searchPartsProcedure } from "./search-parts.ts";

export const partsRouter = router({
  listByOrder: listPartsByOrderProcedure,
  statusByOrder: partsStatusByOrderProcedure,
  search: searchPartsProcedure,
});
