import { readProcedure } from "../trpc.ts";
import { GetAuthStatusInput, GetAuthStatusOutput } from "./get-auth-status.types.ts";

export const getAuthStatusProcedure = readProcedure
  .meta({ openapi: { method: "GET", path: "/auth/status", tags: ["auth"], summary: "Upstream session state" } })
  .input(GetAuthStatusInput)
  .output(GetAuthStatusOutput)
  .query(({ ctx }) => ({ success: true as const, session: ctx.sync.state().session }));
