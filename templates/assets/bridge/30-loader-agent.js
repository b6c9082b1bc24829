  // ---------------------------------------------------------------------------------------------
  // Apizee loaderAgent bootstrap (vendors.md §5). The agent info (with its short-lived token)
  // comes from the integrator's same-origin endpoint at run time; the token is handed to
  // loadAgent() and nowhere else (never the DOM, never the console, never an event).
  // ---------------------------------------------------------------------------------------------

  function userIdOf(v) {
    if (Number.isSafeInteger(v) && v >= 0) return v;
    if (isString(v) && /^[0-9]{1,15}$/.test(v)) return Number(v);
    return null;
  }

  // Validates the endpoint's JSON; returns {apiKey, user} or null.
  function agentInfo(body) {
    if (!isPlain(body)) return null;
    const id = userIdOf(body.userId);
    if (id === null || !isString(body.token) || body.token === "" || !isString(body.nickname)) return null;
    const user = { id, token: body.token, nickname: body.nickname };
    for (const k of ["firstname", "lastname", "mail", "photoUrl", "apiKey"]) {
      if (body[k] !== undefined && body[k] !== null && !isString(body[k])) return null;
    }
    for (const k of ["firstname", "lastname", "mail"]) if (isString(body[k])) user[k] = body[k];
    if (isString(body.photoUrl)) {
      try {
        const u = new URL(body.photoUrl, location.href);
        if (u.protocol === "https:" || u.protocol === "http:") user.photoUrl = u.href;
      } catch (e) {
        /* not a URL: left out */
      }
    }
    return { apiKey: isString(body.apiKey) && body.apiKey !== "" ? body.apiKey : null, user };
  }

  function startLoader(cfg) {
    let box = isString(cfg.containerId) ? doc.getElementById(cfg.containerId) : null;
    if (!box) {
      box = make("section", "es-loader");
      if (isString(cfg.containerId)) box.id = cfg.containerId;
      (doc.querySelector("main") || doc.body).append(box);
    }
    box.classList.add("es-loader");
    // The generator's static "Loading…" line (.es-loader-status) becomes the live status line.
    const status = statusLine("es-loader__status", box.querySelector("p.es-loader-status"));
    box.append(status);
    let alertBox = null;
    let running = false;
    let script = null;

    const fail = (code, text) => {
      running = false;
      status.textContent = "";
      alertBox = make("div", "es-alert");
      alertBox.setAttribute("role", "alert");
      const retry = button(S.retry, "es-btn");
      retry.addEventListener("click", () => {
        run(); // synchronously removes this alert and shows the loading status...
        status.focus(); // ...which takes the focus the removed button had
      });
      alertBox.append(make("p", "es-alert__text", text), retry);
      box.append(alertBox);
      warn("agent loader failed (" + code + ").");
      emit("loader-error", { code });
    };

    const loadScript = () =>
      new Promise((resolve, reject) => {
        if (script && typeof window.loadAgent === "function") return resolve();
        if (script) script.remove();
        script = doc.createElement("script");
        script.async = true;
        script.addEventListener("load", () => resolve());
        script.addEventListener("error", () => reject(new Error("script")));
        script.src = cfg.script;
        doc.head.append(script);
      });

    const callback = (agent, type, params) => {
      let name;
      try {
        name = typeof type === "string" ? type : String(type);
      } catch (e) {
        name = "";
      }
      emit("loader-event", { type: name, params });
    };

    async function run() {
      if (running) return;
      running = true;
      if (alertBox) {
        alertBox.remove();
        alertBox = null;
      }
      status.textContent = S.loaderLoading;

      let endpoint;
      try {
        endpoint = new URL(cfg.agentInfoEndpoint, location.href);
      } catch (e) {
        endpoint = null;
      }
      if (!endpoint || endpoint.origin !== location.origin || !isString(cfg.script) || !isString(cfg.server)) {
        return fail("config", S.loaderConfig);
      }

      let response;
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
      try {
        response = await fetch(endpoint.href, {
          method: "GET",
          credentials: "same-origin",
          cache: "no-store",
          redirect: "manual", // a sign-in redirect is an authentication problem, not agent info
          headers: { Accept: "application/json" },
          signal: abort.signal
        });
      } catch (e) {
        clearTimeout(timer);
        return fail("network", S.loaderNetwork);
      }
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        clearTimeout(timer);
        return fail("auth", S.loaderAuth);
      }
      if (!response.ok) {
        clearTimeout(timer);
        return fail("http", fmt(S.loaderHttp, { status: response.status }));
      }
      let info;
      try {
        info = agentInfo(await response.json());
      } catch (e) {
        info = null;
      } finally {
        clearTimeout(timer);
      }
      const apiKey = info ? info.apiKey || (isString(cfg.apiKey) && cfg.apiKey !== "" ? cfg.apiKey : null) : null;
      if (!info || !apiKey) return fail("invalid", S.loaderInvalid);

      try {
        await loadScript();
      } catch (e) {
        return fail("script", S.loaderScript);
      }
      if (typeof window.loadAgent !== "function") return fail("missing", S.loaderMissing);

      const params = isPlain(cfg.params) ? Object.assign({}, cfg.params) : {};
      try {
        window.loadAgent(cfg.server, apiKey, info.user, callback, cfg.useFrame !== false, params);
      } catch (e) {
        return fail("start", S.loaderStart);
      }
      info = null;
      running = false;
      status.textContent = S.loaderStarted;
    }

    run();
  }

  feature("loaderAgent", (settings) => (isPlain(settings.loaderAgent) ? () => startLoader(settings.loaderAgent) : null));
