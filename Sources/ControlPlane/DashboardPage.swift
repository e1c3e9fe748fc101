import HTTP1

/// The dashboard at `/_sandbox/`: one self-contained page (markup, style and script inline,
/// nothing fetched from elsewhere, so it works offline). It holds no data: its script reads
/// the control plane's JSON routes with the admin token the user typed, and follows the
/// event long-poll. Markup and style here; the script in `DashboardScript*.swift`.
enum DashboardPage {
    static let html = markup + "<script>\n" + coreScript + tenantScript + "start();\n</script>\n</body></html>\n"

    /// No framing (its buttons act), nothing loaded from other origins.
    static var response: HTTPResponse {
        var response = HTTPResponse.html(html)
        response.headers.add("Cache-Control", "no-store")
        response.headers.add("X-Frame-Options", "DENY")
        response.headers.add(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'")
        return response
    }

    private static let markup = #"""
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>HostingSandbox</title>
    <link rel="icon" href="/favicon.ico" type="image/x-icon">
    <style>
    :root{--ink:#1f2933;--muted:#62707d;--line:#d9dee3;--bg:#f5f7f9;--card:#fff;--accent:#2563eb;--bad:#c0392b;--ok:#1e8e3e;--warn:#b7791f}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--bg)}
    header{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px 20px;background:#111827;color:#fff}
    header h1{font-size:17px;margin:0 12px 0 0}
    header label{font-size:12px;color:#cbd5e1}
    header input{width:150px}header form.inline{margin:0}
    #live{font-size:12px;padding:2px 8px;border-radius:10px;background:#4b5563}
    #live.on{background:var(--ok)}#live.off{background:var(--bad)}
    #message{flex:1;font-size:13px;color:#fde68a;min-width:200px}#message.error{color:#fca5a5}
    main{padding:16px 20px;display:grid;gap:16px}
    section.panel,.tenant{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
    h2{font-size:15px;margin:0 0 8px}h3{font-size:13px;margin:12px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
    .tenant-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 16px}
    .tenant-head h2{margin:0;font-family:ui-monospace,Menlo,monospace}
    .facts{color:var(--muted);font-size:13px}
    .clock{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:8px;padding:6px 8px;background:var(--bg);border-radius:6px}
    .clock .now{font-family:ui-monospace,Menlo,monospace;font-weight:600;margin-right:8px}
    table{border-collapse:collapse;width:100%;font-size:13px}
    th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
    th{font-weight:600;color:var(--muted);font-size:12px}
    td.mono,.mono{font-family:ui-monospace,Menlo,monospace;font-size:12px}
    .empty{color:var(--muted);font-style:italic;padding:2px 0}
    .state{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;background:#e5e7eb}
    .state.running,.state.active,.state.finished,.state.completed{background:#d1fae5;color:#065f46}
    .state.installing,.state.reinstalling,.state.restoring,.state.provisioning,.state.starting,.state.stopping,.state.rebooting,.state.queued,.state.building{background:#fef3c7;color:#92400e}
    .state.stopped,.state.halted,.state.suspended{background:#e5e7eb;color:#374151}
    .state.failed,.state.cancelled{background:#fee2e2;color:#991b1b}
    .bar{display:inline-block;width:160px;height:10px;border-radius:5px;background:#e5e7eb;overflow:hidden;vertical-align:middle}
    .bar>span{display:block;height:100%;background:var(--accent);transition:width .4s}
    .bar.failed>span{background:var(--bad)}.bar.finished>span{background:var(--ok)}
    .pct{display:inline-block;width:3.2em;text-align:right;font-variant-numeric:tabular-nums}
    button{font:inherit;font-size:12px;padding:3px 9px;border:1px solid #b8c2cc;border-radius:5px;background:#fff;cursor:pointer}
    button:hover{background:#eef2ff;border-color:var(--accent)}
    button.danger{color:var(--bad)}button.danger:hover{background:#fee2e2;border-color:var(--bad)}
    input,select{font:inherit;font-size:12px;padding:2px 5px;border:1px solid #b8c2cc;border-radius:4px}
    input[type=number]{width:7.5em}
    form.inline{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-top:6px}
    .filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin-bottom:8px}
    .status-2{color:var(--ok)}.status-4{color:var(--warn)}.status-5{color:var(--bad)}
    .scroll{max-height:420px;overflow:auto}
    #tenants{display:grid;gap:16px}
    .columns{display:grid;grid-template-columns:1fr 1fr;gap:16px}
    @media (max-width:1100px){.columns{grid-template-columns:1fr}}
    </style></head>
    <body>
    <header>
      <h1>HostingSandbox</h1>
      <span id="live" title="Live updates through the event long-poll">connecting…</span>
      <span id="message" role="status"></span>
      <form id="admin-form" class="inline"><label>Admin token <input id="admin-token" type="password" autocomplete="off" placeholder="only with --admin-token"></label>
      <button type="submit">Use</button></form>
    </header>
    <main>
      <section class="panel">
        <div class="filters">
          <h2 style="margin:0 12px 0 0">Tenants <span id="tenant-count" class="facts"></span></h2>
          <input id="tenant-filter" placeholder="filter tenants">
          <span class="facts">Each tenant's times are in its own sandbox clock (UTC); the wall clock (UTC) read <span id="wall" class="mono"></span></span>
          <button id="reset-all" type="button" class="danger">Reset everything</button>
        </div>
        <div id="no-tenants" class="empty" hidden>No tenants yet: a tenant appears with its first API request.</div>
        <div id="tenants"></div>
      </section>
      <section class="panel" id="global-faults-panel">
        <h2>Global fault rules <span class="facts">(every tenant)</span></h2>
        <div id="global-faults"></div>
      </section>
      <div class="columns">
        <section class="panel">
          <h2>Events <span class="facts">(live, newest first; at = the tenant's clock)</span></h2>
          <div class="scroll"><table><thead><tr><th>#</th><th>At (tenant clock)</th><th>Tenant</th><th>Resource</th><th>Change</th><th>Job</th></tr></thead>
          <tbody id="events"></tbody></table></div>
        </section>
        <section class="panel">
          <h2>Request journal <span class="facts">(API requests; received = wall clock, UTC)</span></h2>
          <form class="filters" id="journal-filters">
            <select name="tenant"><option value="">all tenants</option></select>
            <select name="method"><option value="">any method</option><option>GET</option><option>POST</option><option>PUT</option><option>PATCH</option><option>DELETE</option></select>
            <input name="path" placeholder="path prefix or pattern">
            <input name="status" placeholder="status: 404 or 4xx" size="12">
            <button type="submit">Filter</button>
            <button type="button" id="journal-clear" class="danger">Clear</button>
          </form>
          <div class="scroll"><table><thead><tr><th>#</th><th>Received (UTC)</th><th>Tenant</th><th>Request</th><th>Status</th><th>ms</th></tr></thead>
          <tbody id="journal"></tbody></table></div>
        </section>
      </div>
    </main>
    """#
}
