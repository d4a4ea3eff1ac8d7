import { router } from "../trpc.ts";
import { getAuthStatusProcedure } from "./get-auth-status.ts";
import { loginProcedure } from "./login.ts";

export const authRouter = router({
  login: loginProcedure,
  status: getAuthStatusProcedure,
});
