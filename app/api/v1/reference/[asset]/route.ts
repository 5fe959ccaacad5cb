import { readFile } from "node:fs/promises";
import path from "node:path";

type Context = { params: Promise<{ asset: string }> };

// Only these files of the swagger-ui-dist package are served, by exact name.
const packaged: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const init = `window.ui = SwaggerUIBundle({
  url: "/api/v1/openapi.json",
  dom_id: "#reference",
  deepLinking: true,
  tryItOutEnabled: false,
  supportedSubmitMethods: [],
});`;

export async function GET(_request: Request, context: Context): Promise<Response> {
  const { asset } = await context.params;
  const headers = { "cache-control": "public, max-age=3600" };
  if (asset === "init.js")
    return new Response(init, { headers: { ...headers, "content-type": "text/javascript; charset=utf-8" } });
  const type = packaged[asset];
  if (!type) return new Response("not found", { status: 404 });
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", asset));
  return new Response(new Uint8Array(body), { headers: { ...headers, "content-type": type } });
}
