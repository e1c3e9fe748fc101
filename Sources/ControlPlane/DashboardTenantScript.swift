/// The dashboard's script, second part: a card per tenant with its clock controls, servers,
/// jobs (with progress bars and forced outcomes), timers and fault rules.
extension DashboardPage {
    static let tenantScript = #"""
    // Tenant cards: built once per tenant (so a half-typed form survives), their tables filled
    // again on every refresh.
    const cards = new Map();
    const KINDS = {
      virtual_server: "VM", dedicated_server: "Dedicated", vpsorg_server: "VPS.org",
      vpsorg_domain: "Domain", vpsorg_dns_zone: "DNS zone", vpsorg_deploy_config: "Deploy config",
    };
    const ADVANCES = [[60, "+1 min"], [600, "+10 min"], [3600, "+1 h"], [86400, "+1 day"]];

    function table(headings, rows, emptyText) {
      if (!rows.length) return el("div", { class: "empty" }, emptyText);
      return el("table", {}, el("thead", {}, el("tr", {}, headings.map((text) => el("th", {}, text)))), el("tbody", {}, rows));
    }

    function stateBadge(text) { return el("span", { class: "state " + text }, text); }

    function progressBar(job) {
      const bar = el("div", {
        class: "bar " + job.status, role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100,
        "aria-valuenow": job.progress, "data-job": job.id, title: job.progress + "%",
      }, el("span"));
      bar.firstChild.style.width = job.progress + "%";
      return el("span", {}, bar, el("span", { class: "pct" }, job.progress + "%"));
    }

    function makeCard(tenant) {
      const card = { tenant };
      const scope = () => ({ token: card.tenant.token });
      card.now = el("span", { class: "now", title: "the tenant's sandbox clock (UTC)" });
      card.mode = el("span", { class: "facts" });
      card.freeze = el("button", { type: "button", "data-clock": "mode", onclick: () => {
        const mode = card.tenant.clock.mode === "realtime" ? "manual" : "realtime";
        act(mode === "manual" ? "Clock frozen" : "Clock running", () => api("PUT", "/_sandbox/clock", { ...scope(), body: { mode } }));
      } });
      card.scale = el("input", { type: "number", min: 0, step: "any", title: "realtime clocks run this many times faster" });
      const setScale = el("button", { type: "button", "data-clock": "scale", onclick: () => {
        act("Scale set", () => api("PUT", "/_sandbox/clock", { ...scope(), body: { scale: Number(card.scale.value) } }));
      } }, "Set scale");
      const advances = ADVANCES.map(([seconds, text]) => el("button", { type: "button", "data-advance": seconds, onclick: () => {
        act("Clock advanced " + text, () => api("POST", "/_sandbox/clock/advance", { ...scope(), body: { seconds } }));
      } }, text));
      card.facts = el("span", { class: "facts" });
      card.heading = el("h2");
      card.servers = el("div", { class: "servers" });
      card.jobs = el("div", { class: "jobs" });
      card.timers = el("div", { class: "timers" });
      card.faults = faultPanel(scope);
      const reset = el("button", { type: "button", class: "danger", onclick: () => {
        if (!confirm("Reset tenant " + card.tenant.label + "? Its servers, jobs, faults and journal are deleted.")) return;
        act("Tenant " + card.tenant.label + " reset", () => api("POST", "/_sandbox/reset", scope()));
      } }, "Reset tenant");
      card.root = el("article", { class: "tenant" },
        el("div", { class: "tenant-head" }, card.heading, card.facts, reset),
        el("div", { class: "clock" }, card.now, card.mode, advances, card.freeze, el("label", {}, "scale ", card.scale), setScale),
        el("h3", {}, "Servers"), card.servers, el("h3", {}, "Jobs"), card.jobs,
        el("h3", {}, "Next timers"), card.timers, el("h3", {}, "Fault rules"), card.faults.root);
      return card;
    }

    function fillCard(card, tenant) {
      card.root.dataset.tenant = tenant.label;
      card.heading.textContent = tenant.label;
      card.heading.title = "tenant label: the token's first characters and a hash of it";
      card.facts.textContent = "balance " + tenant.balance.toFixed(2) + " EUR" +
        (tenant.permissions.length ? " · " + tenant.permissions.join(", ") : "");
      card.now.textContent = clockText(tenant.clock.now);
      const realtime = tenant.clock.mode === "realtime";
      card.mode.textContent = realtime ? "running ×" + tenant.clock.scale : "frozen (manual)";
      card.freeze.textContent = realtime ? "Freeze" : "Run";
      if (document.activeElement !== card.scale) card.scale.value = tenant.clock.scale;
      card.servers.replaceChildren(table(["API", "Kind", "Id", "Name", "State", "IPs", "Details"], tenant.servers.map((server) =>
        el("tr", { "data-server": server.resourceType + "/" + server.id },
          el("td", {}, server.api), el("td", {}, KINDS[server.resourceType] || server.resourceType),
          el("td", { class: "mono" }, server.id), el("td", {}, server.name), el("td", {}, stateBadge(server.state)),
          el("td", { class: "mono" }, server.ips.join(", ")), el("td", { class: "facts" }, server.detail))), "No servers."));
      card.jobs.replaceChildren(table(["Id", "Kind", "Resource", "Status", "Progress", "Finishes (tenant clock)", ""], tenant.jobs.map((job) =>
        el("tr", { "data-job-row": job.id },
          el("td", { class: "mono" }, job.id), el("td", {}, job.kind), el("td", {}, job.resourceType + " " + job.resourceId),
          el("td", {}, stateBadge(job.status)), el("td", {}, progressBar(job)),
          el("td", { class: "mono" }, clockText(job.endedAt || job.finishesAt)),
          el("td", {}, job.status === "queued" || job.status === "running" ? jobButtons(card, job) : ""))), "No jobs."));
      const now = Date.parse(tenant.clock.now);
      card.timers.replaceChildren(table(["Kind", "Resource", "Due (tenant clock)", ""], tenant.timers.map((timer) =>
        el("tr", {},
          el("td", {}, timer.kind), el("td", {}, timer.resourceType + (timer.resourceId === null ? "" : " " + timer.resourceId)),
          el("td", { class: "mono" }, clockText(timer.dueAt)), el("td", { class: "facts" }, "in " + durationText(Date.parse(timer.dueAt) - now)))),
      "No pending timers."));
      card.faults.fill(tenant.faults);
    }

    function jobButtons(card, job) {
      const token = card.tenant.token;
      return [
        el("button", { type: "button", "data-job-complete": job.id, onclick: () =>
          act("Job " + job.id + " completed", () => api("POST", "/_sandbox/jobs/" + job.id + "/complete", { token })) }, "Complete"),
        " ",
        el("button", { type: "button", class: "danger", "data-job-fail": job.id, onclick: () => {
          const output = prompt("Fail job " + job.id + " with this output:", "Failed from the dashboard.");
          if (output === null) return;
          act("Job " + job.id + " failed", () => api("POST", "/_sandbox/jobs/" + job.id + "/fail", { token, body: { output } }));
        } }, "Fail"),
      ];
    }

    function faultEffect(rule) {
      const parts = [];
      if (rule.status !== null) parts.push("status " + rule.status);
      if (rule.drop !== null) parts.push("drop (" + rule.drop + ")");
      if (rule.delayMs) parts.push("delay " + rule.delayMs + " ms");
      return parts.join(", ");
    }

    /** A fault rule table with remove buttons and a form to add one; `scope()` gives the token, or nothing for global rules. */
    function faultPanel(scope) {
      const suffix = () => (scope().token ? "" : "?all=true");
      const list = el("div");
      const form = el("form", { class: "inline" },
        el("select", { name: "method" }, ["*", "GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => el("option", {}, m))),
        el("input", { name: "path", placeholder: "path, e.g. /api/v1/* ", value: "*", size: 22 }),
        el("select", { name: "api" }, el("option", { value: "" }, "any API"), el("option", {}, "reseller"), el("option", {}, "vpsorg")),
        el("input", { name: "status", type: "number", min: 100, max: 599, placeholder: "status" }),
        el("select", { name: "drop" }, el("option", { value: "" }, "no drop"), el("option", {}, "reset"), el("option", {}, "empty")),
        el("input", { name: "delayMs", type: "number", min: 0, placeholder: "delay ms" }),
        el("input", { name: "probability", type: "number", min: 0, max: 1, step: "any", placeholder: "probability" }),
        el("input", { name: "times", type: "number", min: 1, placeholder: "times" }),
        el("button", { type: "submit" }, "Add fault"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const fields = new FormData(form);
        const body = { method: fields.get("method"), path: fields.get("path") || "*" };
        for (const name of ["api", "drop"]) if (fields.get(name)) body[name] = fields.get(name);
        for (const name of ["status", "delayMs", "probability", "times"]) if (fields.get(name)) body[name] = Number(fields.get(name));
        act("Fault rule added", () => api("POST", "/_sandbox/faults" + suffix(), { ...scope(), body }))
          .then((done) => { if (done) form.reset(); });
      });
      const fill = (rules) => {
        const rows = rules.map((rule) => el("tr", { "data-fault": rule.id },
          el("td", { class: "mono" }, rule.id), el("td", { class: "mono" }, rule.method + " " + rule.path),
          el("td", {}, rule.api || "any"), el("td", {}, faultEffect(rule)),
          el("td", {}, rule.probability === 1 ? "always" : Math.round(rule.probability * 100) + "%"),
          el("td", {}, rule.times === null ? "unlimited" : rule.times + " left"), el("td", {}, rule.hits + (rule.hits === 1 ? " hit" : " hits")),
          el("td", {}, el("button", { type: "button", class: "danger", onclick: () =>
            act("Fault rule " + rule.id + " removed", () => api("DELETE", "/_sandbox/faults/" + rule.id + suffix(), scope())) }, "Remove"))));
        list.replaceChildren(table(["Id", "Request", "API", "Effect", "Chance", "Times", "Hits", ""], rows, "No fault rules."));
      };
      return { root: el("div", {}, list, form), fill };
    }

    const globalFaults = faultPanel(() => ({}));

    function renderGlobalFaults(rules) {
      if (!globalFaults.root.isConnected) $("global-faults").append(globalFaults.root);
      globalFaults.fill(rules);
    }

    function renderTenants() {
      const filter = $("tenant-filter").value.trim().toLowerCase();
      const container = $("tenants");
      const seen = new Set();
      let position = 0;
      for (const tenant of state.tenants) {
        seen.add(tenant.token);
        let card = cards.get(tenant.token);
        if (!card) {
          card = makeCard(tenant);
          cards.set(tenant.token, card);
        }
        card.tenant = tenant;
        card.readAt = Date.now();
        // Unchanged tenants keep their rows (and whatever text the user selected in them).
        const shown = JSON.stringify(tenant);
        if (card.shown !== shown) {
          card.shown = shown;
          fillCard(card, tenant);
        }
        card.root.hidden = Boolean(filter) && !tenant.label.toLowerCase().includes(filter) && !tenant.token.toLowerCase().includes(filter);
        // Moved only when out of place, so an input being typed in keeps its focus.
        if (container.children[position] !== card.root) container.insertBefore(card.root, container.children[position] || null);
        position += 1;
      }
      for (const [token, card] of cards) {
        if (!seen.has(token)) { card.root.remove(); cards.delete(token); }
      }
      $("tenant-count").textContent = "(" + state.tenants.length + ")";
      $("no-tenants").hidden = state.tenants.length > 0;
      fillTenantChoice();
    }

    /** A tenant's clock as of now, from its last read (for display: the sandbox stays the truth). */
    function tenantNow(card) {
      const read = Date.parse(card.tenant.clock.now);
      return card.tenant.clock.mode === "realtime" ? read + (Date.now() - card.readAt) * card.tenant.clock.scale : read;
    }

    /** Realtime clocks move on without events: they tick here, and say whether a tenant has
        work under way or a timer due, so that the sandbox is worth reading again. */
    function realtimeMoves() {
      let moves = false;
      for (const card of cards.values()) {
        if (card.tenant.clock.mode !== "realtime") continue;
        const now = tenantNow(card);
        card.now.textContent = clockText(new Date(now).toISOString());
        const due = card.tenant.timers.length > 0 && Date.parse(card.tenant.timers[0].dueAt) <= now;
        if (due || card.tenant.jobs.some((job) => job.status === "running" || job.status === "queued")) moves = true;
      }
      return moves;
    }

    /** The journal's tenant filter lists the tenants by label (rebuilt only when they change). */
    function fillTenantChoice() {
      const select = $("journal-filters").elements.tenant;
      const tokens = state.tenants.map((tenant) => tenant.token).join("\n");
      if (select.dataset.tokens === tokens) return;
      select.dataset.tokens = tokens;
      const chosen = select.value;
      select.replaceChildren(el("option", { value: "" }, "all tenants"),
        ...state.tenants.map((tenant) => el("option", { value: tenant.token, selected: tenant.token === chosen }, tenant.label)));
    }
    """#
}
