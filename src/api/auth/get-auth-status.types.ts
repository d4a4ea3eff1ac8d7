/** Schemas of `auth.status` (`GET /api/auth/status`). */
import { z } from "zod";

import { successTrue } from "../schemas/common.ts";
import { SessionSchema } from "../schemas/sync.ts";

export const GetAuthStatusInput = z.strictObject({}).optional();

export const GetAuthStatusOutput = z.object({ success: successTrue, session: SessionSchema });
