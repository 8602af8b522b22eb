// A self-contained page that renders the OpenAPI document (no CDN: it works on closed networks too).
export const DOCS_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>danvan API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem}h2{margin-top:2rem}
.op{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.6rem 1rem}.m{font-weight:bold;display:inline-block;width:4rem}
.get{color:#1565c0}.post{color:#2e7d32}.put{color:#ef6c00}pre{background:#f6f6f6;padding:.6rem;overflow:auto;max-height:24rem}
summary{cursor:pointer}</style></head>
<body><h1 id="title">danvan API</h1><p id="desc"></p><p><a href="openapi.json">openapi.json</a> (OpenAPI 3.1)</p><div id="ops"></div>
<script>
fetch('openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
  document.getElementById('desc').textContent = doc.info.description;
  const ops = document.getElementById('ops');
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const box = document.createElement('details');
      box.className = 'op';
      const head = document.createElement('summary');
      head.innerHTML = '<span class="m ' + method + '">' + method.toUpperCase() + '</span> <code></code> — <span></span>';
      head.querySelector('code').textContent = doc.servers[0].url + path;
      head.querySelector('span:last-child').textContent = op.summary + (op.security && op.security.length ? '' : ' (no sign-in)');
      box.appendChild(head);
      const body = document.createElement('pre');
      body.textContent = JSON.stringify({ parameters: op.parameters, requestBody: op.requestBody, responses: op.responses }, null, 2);
      box.appendChild(body);
      ops.appendChild(box);
    }
  }
});
</script></body></html>`;
