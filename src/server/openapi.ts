/** The OpenAPI 3.1 document of the REST API, generated from the procedure schemas. */
import type { AnyRouter } from "@trpc/server";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";

import packageJson from "../../package.json" with { type: "json" };

export function buildOpenApiDocument(router: AnyRouter, options: { baseUrl?: string } = {}): OpenAPIObject {
  return generateOpenApiDocument(router as never, {
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
}
