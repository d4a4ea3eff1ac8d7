/** The OpenAPI 3.1 document of the REST API, generated from the procedure schemas. */
import type { AnyRouter } from "@trpc/server";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";

import packageJson from "../../package.json" with { type: "json" };
import type { ApiMeta } from "../api/trpc.ts";

export function buildOpenApiDocument(router: AnyRouter, options: { baseUrl?: string } = {}): OpenAPIObject {
  const document = generateOpenApiDocument(router as never, {
    title: "reit",
    description:
      "Read and write PlanSo repair orders and parts through a local mirror. Every operation is also a tRPC " +
      "procedure on `/trpc`. Errors have one shape: `{ success: false, code, message, issues? }`, with `issues` " +
      "naming each invalid field.",
    version: packageJson.version,
    openApiVersion: "3.1.0",
    baseUrl: options.baseUrl ?? "/api",
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "API key from API_KEYS, sent as `Authorization: Bearer <key>`. Not needed when the server runs without keys on loopback.",
      },
    },
    tags: ["orders", "parts", "sync", "auth", "changes"],
  });
  applySuccessStatuses(router, document);
  return document;
}

/**
 * trpc-to-openapi documents every success as 200; procedures whose meta sets
 * `successStatus` (202 for `POST /sync`) respond with that status, so the document
 * moves their success response there.
 */
function applySuccessStatuses(router: AnyRouter, document: OpenAPIObject): void {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: ApiMeta } }>;
  for (const procedure of Object.values(procedures)) {
    const meta = procedure._def.meta;
    const status = meta?.successStatus;
    if (status === undefined || meta?.openapi === undefined) continue;
    const path = meta.openapi.path.replace(/^\/+/, "/");
    const operation = document.paths?.[path]?.[meta.openapi.method.toLowerCase() as "post"];
    const responses = operation?.responses as Record<string, unknown> | undefined;
    if (responses?.["200"] === undefined) continue;
    responses[String(status)] = responses["200"];
    delete responses["200"];
  }
}
