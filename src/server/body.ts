/**
 * Request bodies are read here, once, with the configured size limit, before either
 * API handler gets them. A declared `Content-Length` over the limit is rejected
 * without reading, and a chunked body is cut off as soon as it passes the limit.
 */
import { AppError } from "../api/errors.ts";

export function methodHasBody(method: string): boolean {
  return method !== "GET" && method !== "HEAD" && method !== "DELETE" && method !== "OPTIONS";
}

/** Reads the body bytes; throws AppError PAYLOAD_TOO_LARGE past `maxBytes`. */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Request body is larger than ${maxBytes} bytes (MAX_BODY_BYTES)`);
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/u.test(declared) && Number(declared) > maxBytes) throw tooLarge();
  if (request.body === null) return new Uint8Array(new ArrayBuffer(0));

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
