import { router } from "../trpc.ts";
import { getSyncStatusProcedure } from "./get-sync-status.ts";
import { listSyncRunsProcedure } from "./list-sync-runs.ts";
import { triggerSyncProcedure } from "./trigger-sync.ts";

export const syncRouter = router({
  status: getSyncStatusProcedure,
  runs: listSyncRunsProcedure,
  trigger: triggerSyncProcedure,
});
