// A plain page to read the local outbox in a browser. It signs in like any client and calls the API,
// so it shows nothing to someone without an admin or supervisor account.
export const OUTBOX_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Danvan — Hộp thư đi / Outbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}
form{margin-bottom:1rem}input{margin-right:.5rem}</style></head>
<body><h1>Hộp thư đi / Outbox</h1>
<p>Mọi thư do hệ thống gửi tới SMTP sink cục bộ. / Every e-mail the service sent to the local SMTP sink.</p>
<form id="login"><input name="username" placeholder="tên đăng nhập / username" required>
<input name="password" type="password" placeholder="mật khẩu / password" required><button>Đăng nhập / Sign in</button></form>
<table><thead><tr><th>Thời gian / Time</th><th>Đến / To</th><th>Tiêu đề / Subject</th></tr></thead><tbody id="rows"></tbody></table>
<pre id="message" hidden></pre>
<script>
let token = sessionStorage.getItem('danvanToken');
const api = (path) => fetch('/api/v1' + path, { headers: { authorization: 'Bearer ' + token } }).then((r) => r.json());
async function load() {
  if (!token) return;
  const data = await api('/outbox');
  if (!data.items) { document.getElementById('rows').innerHTML = '<tr><td colspan=3>' + (data.error ? data.error.message : '') + '</td></tr>'; return; }
  const rows = document.getElementById('rows');
  rows.innerHTML = '';
  for (const m of data.items.slice().reverse()) {
    const tr = document.createElement('tr');
    for (const v of [m.receivedAt, m.to.join(', '), m.subject]) { const td = document.createElement('td'); td.textContent = v; tr.appendChild(td); }
    tr.onclick = async () => { const full = await api('/outbox/' + m.id); const pre = document.getElementById('message'); pre.hidden = false; pre.textContent = full.subject + '\\n\\n' + full.text; };
    rows.appendChild(tr);
  }
}
document.getElementById('login').onsubmit = async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const r = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: f.get('username'), password: f.get('password') }) });
  const body = await r.json();
  if (body.token) { token = body.token; sessionStorage.setItem('danvanToken', token); load(); } else alert(body.error.message);
};
load();
</script></body></html>`;
