/** JSON responses in the API's shapes, shared by every route of the server. */
import { AppError, errorBody, errorHeaders } from "../api/errors.ts";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

/** Builds the one error body shape, `{ success: false, code, message, issues? }`, with its status. */
export function errorResponse(error: AppError, extraBody: Record<string, unknown> = {}): Response {
  return jsonResponse({ ...errorBody(error), ...extraBody }, error.status, errorHeaders(error));
}
