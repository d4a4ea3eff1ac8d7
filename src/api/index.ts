/** Public surface of the API layer, for the server and for TypeScript clients. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "./router.ts";

export { appRouter, type AppRouter } from "./router.ts";
export type { ApiContext, Principal, Scope } from "./context.ts";
export { AppError, APP_ERRORS, APP_ERROR_CODES, toAppError, type AppErrorCode, type ErrorBody, type Issue } from "./errors.ts";
export { createCallerFactory, type ApiErrorData, type ApiMeta } from "./trpc.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
