  // ---------------------------------------------------------------------------------------------
  // TeamViewer Engage web chat (vendors.md §7). The tenant script comes after this file in the
  // head, deferred; it calls window.CVLoaded once window.CV is there, or sets it when nobody
  // waits yet. The hook is installed here, synchronously, exactly as the vendor shows it.
  // ---------------------------------------------------------------------------------------------
  const ENGAGE_SCRIPT = /\/cdn\/js\/[^/?#]+\.js(?:[?#]|$)/;
  const ENGAGE_TIMEOUT_MS = 30000;

  // Installs the hook now; returns what to do once the DOM is parsed.
  function startEngage(cfg) {
    const labels = Array.isArray(cfg.labels)
      ? cfg.labels.filter((l) => isString(l) && l !== "" && l.length <= 60).slice(0, 20)
      : [];
    const wantCobrowse = cfg.cobrowse === true;
    let state = "waiting"; // waiting | ready | failed
    let cobrowseOk = false;
    let called = false;
    let buttons = [];
    let note = null;

    const problem = (code, what) => {
      warn("engage: " + what + " (" + code + ").");
      emit("engage-error", { code });
    };
    // CV.<ns> when CV.<ns>.<name> is a function (a hostile or half-loaded CV may throw on access).
    const owner = (ns, name) => {
      try {
        const o = window.CV && window.CV[ns];
        return o && typeof o[name] === "function" ? o : null;
      } catch (e) {
        return null;
      }
    };
    const attempt = (what, fn) => {
      try {
        fn();
        return true;
      } catch (e) {
        problem("engage-api-error", "CV." + what + "() failed");
        return false;
      }
    };

    function paint() {
      if (!note) return;
      const enabled = state === "ready" && cobrowseOk;
      for (const b of buttons) {
        b.disabled = !enabled;
        if (enabled) b.removeAttribute("aria-describedby");
        else b.setAttribute("aria-describedby", note.id);
      }
      note.textContent = enabled
        ? ""
        : state === "waiting" ? S.cobrowseWaiting : state === "ready" ? S.cobrowseNoApi : S.cobrowseUnavailable;
    }

    function onCv() {
      if (called) return;
      called = true;
      let cv = null;
      try {
        cv = window.CV;
      } catch (e) {
        cv = null;
      }
      if (!cv) {
        state = "failed";
        problem("engage-no-cv", "window.CV is missing");
        paint();
        return;
      }
      state = "ready";
      if (labels.length) {
        const user = owner("user", "tag");
        if (!user) problem("engage-api-missing", "CV.user.tag is not available");
        else attempt("user.tag", () => user.tag({ labels: labels.slice() }));
      }
      if (cfg.checkVisibility === true) {
        const api = owner("api", "shouldShowWebchat");
        if (!api) problem("engage-api-missing", "CV.api.shouldShowWebchat is not available");
        else attempt("api.shouldShowWebchat", () => api.shouldShowWebchat(
          () => emit("engage-visibility", { visible: true }),
          () => emit("engage-visibility", { visible: false })));
      }
      if (wantCobrowse) {
        cobrowseOk = !!(owner("cobrowse", "start") && owner("cobrowse", "stop"));
        if (!cobrowseOk) problem("engage-api-missing", "CV.cobrowse.start/stop are not available");
      }
      paint();
      emit("engage-ready", {});
    }

    const onClick = (action) => () => {
      const o = owner("cobrowse", action);
      const ok = o ? attempt("cobrowse." + action, () => o[action]()) : false;
      if (!o) problem("engage-api-missing", "CV.cobrowse." + action + " is not available");
      if (ok) {
        paint();
        emit("cobrowse", { action });
      } else {
        note.textContent = S.cobrowseFailed;
        for (const b of buttons) b.setAttribute("aria-describedby", note.id);
      }
    };

    // The vendor script failed to load (blocked, offline, wrong id): error events do not bubble,
    // but the capture phase sees them.
    doc.addEventListener("error", (ev) => {
      const t = ev.target;
      if (state !== "waiting" || !t || t.tagName !== "SCRIPT" || !ENGAGE_SCRIPT.test(t.src)) return;
      state = "failed";
      problem("engage-script", "the Engage script could not be loaded");
      paint();
    }, true);

    if (!window.CVLoaded) { window.CVLoaded = onCv; } else { onCv(); }

    return () => {
      setTimeout(() => {
        if (state !== "waiting") return;
        state = "failed";
        problem("engage-timeout", "the Engage script did not call CVLoaded");
        paint();
      }, ENGAGE_TIMEOUT_MS);
      if (!wantCobrowse) return;
      buttons = Array.from(doc.querySelectorAll("button[data-embedsmith-cobrowse]")).filter((b) =>
        ["start", "stop"].includes(b.getAttribute("data-embedsmith-cobrowse")));
      if (!buttons.length) {
        problem("engage-config", "no co-browsing buttons in the page");
        return;
      }
      note = statusLine("es-cobrowse__note");
      note.removeAttribute("tabindex");
      note.id = "es-cobrowse-note";
      (buttons[0].closest(".es-cobrowse") || buttons[0].parentNode).append(note);
      for (const b of buttons) b.addEventListener("click", onClick(b.getAttribute("data-embedsmith-cobrowse")));
      paint();
    };
  }

  // Engage's hook must exist before the deferred vendor script runs: startEngage installs it now.
  feature("engage", (settings) => (isPlain(settings.engage) ? startEngage(settings.engage) : null));
