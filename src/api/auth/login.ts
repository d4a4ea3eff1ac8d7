import { AppError } from "../errors.ts";
import { adminProcedure } from "../trpc.ts";
import { LoginInput, LoginOutput } from "./login.types.ts";

export const loginProcedure = adminProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/auth/login",
      tags: ["auth"],
      summary: "Log in to PlanSo now",
      description: "Uses the configured credentials; a rejected login is a 502 with PlanSo's reason.",
    },
  })
  .input(LoginInput)
  .output(LoginOutput)
  .mutation(async ({ ctx }) => {
    if (!ctx.sync.isAlive()) throw new AppError("NOT_READY", "The sync worker is not running; see /ready");
    return { success: true as const, session: await ctx.sync.login() };
  });
