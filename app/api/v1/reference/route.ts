// The API reference, rendered in the browser by swagger-ui (served from our own node_modules:
// no CDN). This is only the page that loads it and points it at /api/v1/openapi.json.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Credits API reference</title>
<link rel="stylesheet" href="/api/v1/reference/swagger-ui.css">
</head>
<body>
<main id="reference" aria-label="Credits API reference"></main>
<script src="/api/v1/reference/swagger-ui-bundle.js"></script>
<script src="/api/v1/reference/init.js"></script>
</body>
</html>`;

export const GET = () =>
  new Response(page, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=300" },
  });
