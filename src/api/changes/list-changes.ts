import { listChanges } from "../../db/queries/list-changes.ts";
import { readProcedure } from "../trpc.ts";
import { ListChangesInput, ListChangesOutput } from "./list-changes.types.ts";

export const listChangesProcedure = readProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/changes",
      tags: ["changes"],
      summary: "Change feed",
      description: "Every stored change of an order, oldest first, with an opaque cursor.",
    },
  })
  .input(ListChangesInput)
  .output(ListChangesOutput)
  .query(({ ctx, input }) => ({ success: true as const, ...listChanges(ctx.db, input) }));
