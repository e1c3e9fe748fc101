/// The dashboard's script, first part: calls to the control plane, the event long-poll,
/// the event feed and the request journal.
extension DashboardPage {
    static let coreScript = #"""
    "use strict";
    // The dashboard reads only control-plane routes (/_sandbox/...), which the request journal
    // never records, and acts with the tenant's own Bearer token.
    const ADMIN_KEY = "hostingSandboxAdminToken";
    const $ = (id) => document.getElementById(id);
    const state = {
      tenants: [], generation: 0, lastEvent: 0, liveStarted: false, refreshTimer: null,
      journalRead: Promise.resolve(), journalLast: 0, journalQuery: "",
    };

    function el(tag, attributes, ...children) {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attributes || {})) {
        if (value === undefined || value === null || value === false) continue;
        if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
        else if (name === "class") node.className = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      }
      for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        node.append(child instanceof Node ? child : String(child));
      }
      return node;
    }

    class APIError extends Error {
      constructor(status, message) { super(message); this.status = status; }
    }

    async function api(method, path, options = {}) {
      const headers = { Accept: "application/json" };
      if (options.token) headers.Authorization = "Bearer " + options.token;
      const admin = sessionStorage.getItem(ADMIN_KEY);
      if (admin) headers["X-Sandbox-Admin-Token"] = admin;
      let body;
      if (options.body !== undefined) {
        headers["Content-Type"] = "application/json";
        body = JSON.stringify(options.body);
      }
      const response = await fetch(path, { method, headers, body, cache: "no-store" });
      let data = null;
      try { data = await response.json(); } catch (error) { data = null; }
      if (!response.ok) throw new APIError(response.status, (data && data.error) || response.status + " " + response.statusText);
      return data;
    }

    function say(text, isError) {
      const message = $("message");
      message.textContent = text;
      message.className = isError ? "error" : "";
      clearTimeout(say.timer);
      if (text) say.timer = setTimeout(() => { message.textContent = ""; }, 8000);
    }

    function explain(error) {
      if (error.status === 401 || error.status === 403) {
        return error.message + " (with --admin-token, type the admin token at the top right)";
      }
      return error.message;
    }

    /** Runs one action, says how it went, then shows the sandbox as it is now; true when it worked. */
    async function act(description, run) {
      let done = false;
      try {
        await run();
        say(description);
        done = true;
      } catch (error) {
        say(description + " failed: " + explain(error), true);
      }
      await refresh();
      return done;
    }

    // Times: the sandbox writes ISO-8601 in UTC; shown without the T and the zone.
    function clockText(iso) { return iso ? iso.replace("T", " ").replace(/(\.\d+)?Z$/, "") : ""; }
    function wallText(iso) { return iso ? iso.slice(11, 19) : ""; }
    function durationText(ms) {
      const seconds = Math.round(Math.abs(ms) / 1000);
      const parts = [[86400, "d"], [3600, "h"], [60, "min"], [1, "s"]];
      const shown = [];
      let rest = seconds;
      for (const [size, unit] of parts) {
        if (rest >= size && shown.length < 2) { shown.push(Math.floor(rest / size) + " " + unit); rest %= size; }
      }
      return (shown.length ? shown.join(" ") : "0 s");
    }

    async function refresh() {
      clearTimeout(state.refreshTimer);
      state.refreshTimer = null;
      // Reads may overlap (an action, an event, the tick): only the newest one is shown.
      const generation = ++state.generation;
      try {
        const overview = await api("GET", "/_sandbox/overview?all=true");
        if (generation !== state.generation) return;
        state.tenants = overview.tenants;
        $("wall").textContent = clockText(overview.now);
        renderTenants();
        renderGlobalFaults(overview.globalFaults || []);
        if (!state.liveStarted) {
          state.liveStarted = true;
          state.lastEvent = Math.max(0, overview.lastEvent - 100);
          follow();
        }
        await refreshJournal();
      } catch (error) {
        say("Cannot read the sandbox: " + explain(error), true);
      }
    }

    /** Collapses bursts of events into one refresh. */
    function refreshSoon() {
      if (!state.refreshTimer) state.refreshTimer = setTimeout(refresh, 150);
    }

    function setLive(on, why) {
      const live = $("live");
      live.className = on ? "on" : "off";
      live.textContent = on ? "live" : "offline";
      live.title = on ? "Live updates through the event long-poll" : why || "";
    }

    /** The event long-poll: each answer brings the events after the last one seen. */
    async function follow() {
      for (;;) {
        try {
          const data = await api("GET", "/_sandbox/events?all=true&limit=200&wait=25&after=" + state.lastEvent);
          setLive(true);
          if (data.events.length) {
            state.lastEvent = data.last;
            addEvents(data.events);
            refreshSoon();
          }
        } catch (error) {
          setLive(false, explain(error));
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      }
    }

    function addEvents(events) {
      const body = $("events");
      for (const event of events) {
        body.prepend(el("tr", { "data-event": event.id },
          el("td", { class: "mono" }, event.id),
          el("td", { class: "mono" }, clockText(event.at)),
          el("td", { class: "mono" }, event.tenant),
          el("td", {}, event.resourceType + " " + event.resourceId),
          el("td", {}, event.from ? el("span", { class: "state " + event.from }, event.from) : "", " → ",
            el("span", { class: "state " + event.to }, event.to)),
          el("td", { class: "mono" }, event.jobId === null ? "" : event.jobId)));
      }
      while (body.children.length > 200) body.lastElementChild.remove();
    }

    /** The journal filter as a query; a chosen tenant is read with its own token. */
    function journalRequest() {
      const form = new FormData($("journal-filters"));
      const query = new URLSearchParams();
      for (const name of ["method", "path", "status"]) if (form.get(name)) query.set(name, form.get(name).trim());
      const token = form.get("tenant") || null;
      if (!token) query.set("all", "true");
      return { query, token };
    }

    /** One journal read at a time, so two never add the same entries. */
    function refreshJournal() {
      state.journalRead = state.journalRead.catch(() => {}).then(readJournal);
      return state.journalRead;
    }

    async function readJournal() {
      const { query, token } = journalRequest();
      const key = query.toString() + "|" + (token || "");
      const body = $("journal");
      if (key !== state.journalQuery) {
        state.journalQuery = key;
        state.journalLast = 0;
        body.replaceChildren();
      }
      query.set("limit", "100");
      if (state.journalLast) query.set("since", String(state.journalLast));
      let data;
      try {
        data = await api("GET", "/_sandbox/requests?" + query.toString(), { token });
      } catch (error) {
        say("Journal: " + explain(error), true);
        return;
      }
      const entries = data.requests.slice().reverse();
      for (const entry of entries) {
        state.journalLast = Math.max(state.journalLast, entry.id);
        body.prepend(el("tr", { "data-request": entry.id },
          el("td", { class: "mono" }, entry.id),
          el("td", { class: "mono", title: "tenant clock: " + clockText(entry.at) }, wallText(entry.receivedAt)),
          el("td", { class: "mono" }, entry.tenant || ""),
          el("td", { class: "mono" }, entry.method + " " + entry.path + (entry.query ? "?" + entry.query : ""),
            entry.faultId === null ? "" : el("span", { class: "state failed", title: "answered by a fault rule" }, " fault " + entry.faultId)),
          el("td", { class: "mono status-" + String(entry.status)[0] }, entry.status),
          el("td", { class: "mono" }, entry.ms)));
      }
      while (body.children.length > 300) body.lastElementChild.remove();
    }

    function start() {
      const adminInput = $("admin-token");
      adminInput.value = sessionStorage.getItem(ADMIN_KEY) || "";
      $("admin-form").addEventListener("submit", (event) => {
        event.preventDefault();
        if (adminInput.value) sessionStorage.setItem(ADMIN_KEY, adminInput.value);
        else sessionStorage.removeItem(ADMIN_KEY);
        say(adminInput.value ? "Admin token kept for this browser tab." : "Admin token removed.");
        refresh();
      });
      $("tenant-filter").addEventListener("input", renderTenants);
      $("journal-filters").addEventListener("submit", (event) => { event.preventDefault(); refreshJournal(); });
      $("journal-clear").addEventListener("click", () => {
        const { token } = journalRequest();
        if (!confirm(token ? "Clear this tenant's journal?" : "Clear the whole journal?")) return;
        act("Journal cleared", () => api("DELETE", "/_sandbox/requests" + (token ? "" : "?all=true"), { token }));
      });
      $("reset-all").addEventListener("click", () => {
        if (!confirm("Reset everything? Every tenant, its servers, jobs, faults and journal are deleted.")) return;
        act("Everything reset", () => api("POST", "/_sandbox/reset?all=true"));
      });
      // Every second realtime clocks tick on the page; every third the journal (or, when a
      // realtime tenant has work under way, everything) is read again.
      let ticks = 0;
      setInterval(() => {
        const moves = realtimeMoves();
        ticks += 1;
        if (ticks % 3 === 0) {
          if (moves) refresh();
          else refreshJournal();
        }
      }, 1000);
      refresh();
    }
    """#
}
