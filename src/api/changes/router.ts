import { router } from "../trpc.ts";
import { listChangesProcedure } from "./list-changes.ts";

export const changesRouter = router({ list: listChangesProcedure });
