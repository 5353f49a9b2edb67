// The page at / when the web app has not been built (running from source before `npm run
// build`): says the server is up, how to build the app, and where the API is.
export function homePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kith</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
  code { background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 4px; }
  @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } code { background: #161b22; } a { color: #79c0ff; } }
</style>
</head>
<body>
<main>
<h1>Kith is running</h1>
<p>Your network stays on this machine. The web app has not been built in this checkout:
run <code>npm run build</code> (or <code>npm start</code>), then reload. Meanwhile the
<code>kith</code> command line and the HTTP API work.</p>
<ul>
  <li><a href="/api/openapi.json">API description (OpenAPI 3.1)</a></li>
  <li><a href="/api/people">People</a> · <a href="/api/stats">Counts</a> · <a href="/healthz">Health</a></li>
</ul>
<p>Try <code>kith demo</code> to load a sample network, then <code>kith search finance</code>.</p>
</main>
</body>
</html>`;
}
