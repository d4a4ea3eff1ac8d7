/**
 * The interactive API reference at `/docs`. The Scalar script is embedded in the
 * program and served from `/docs/scalar.js`, because workshop networks are often
 * offline and Scalar's default page loads it from a CDN.
 */
// The package's export map does not expose its browser bundle, so it is imported by path.
import scalarScript from "../../node_modules/@scalar/api-reference/dist/browser/standalone.js" with { type: "text" };

const SCALAR_CONFIGURATION = {
  url: "/openapi.json",
  // The default fonts come from a CDN; the system fonts work offline.
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
  // The developer toolbar and the AI agent link to Scalar's online services.
  showDeveloperTools: "never",
  agent: { disabled: true },
};

export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>reit API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/docs/scalar.js"></script>
    <script>
      Scalar.createApiReference("#app", ${JSON.stringify(SCALAR_CONFIGURATION)});
    </script>
  </body>
</html>
`;

export function docsPage(): Response {
  return new Response(DOCS_HTML, { headers: { "content-type": "text/html; charset=utf-8" } });
}

export function docsScript(): Response {
  return new Response(scalarScript, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    },
  });
}
