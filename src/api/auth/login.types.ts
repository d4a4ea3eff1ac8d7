/** Schemas of `auth.login` (`POST /api/auth/login`). */
import { z } from "zod";

import { successTrue } from "../schemas/common.ts";
import { SessionSchema } from "../schemas/sync.ts";

export const LoginInput = z.strictObject({}).optional();

export const LoginOutput = z.object({ success: successTrue, session: SessionSchema });
