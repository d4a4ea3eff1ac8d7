import { searchParts } from "../../db/queries/search-parts.ts";
import { readProcedure } from "../trpc.ts";
import { SearchPartsInput, SearchPartsOutput } from "./search-parts.types.ts";

export const searchPartsProcedure = readProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/parts",
      tags: ["parts"],
      summary: "Search parts across orders",
      description: "For example everything back-ordered, or everything due in a date range.",
    },
  })
  .input(SearchPartsInput)
  .output(SearchPartsOutput)
  .query(({ ctx, input }) => ({ success: true as const, ...searchParts(ctx.db, input) }));
