  // ---------------------------------------------------------------------------------------------
  // ChatApp Dialog (vendors.md §8). The page has the iframe without src; the live access token
  // (a 24 h account credential) comes from the integrator's same-origin endpoint and goes into
  // the frame's src, which the Dialog reads. It is never written anywhere else: not the DOM, not
  // the console, not an event.
  // ---------------------------------------------------------------------------------------------
  const MAX_TOKEN_CHARS = 4096;
  const isAccessToken = (v) =>
    isString(v) && v.length > 0 && v.length <= MAX_TOKEN_CHARS && !/[\s\u0000-\u001f\u007f]/.test(v);

  // The settings' src must be a URL of exactly the settings' origin, without a token already.
  function chatappSrcOk(origin, src) {
    if (!isOrigin(origin) || !isString(src) || !src.startsWith(origin + "/")) return false;
    if (/[\s\u0000-\u001f\u007f\\]/.test(src) || /api(%5B|\[)access_token(%5D|\])/i.test(src)) return false;
    try {
      return new URL(src).origin === origin;
    } catch (e) {
      return false;
    }
  }

  // src + api[access_token], before any fragment; "?" when src has no query yet.
  function withToken(src, token) {
    const hash = src.indexOf("#");
    const base = hash < 0 ? src : src.slice(0, hash);
    const sep = base.indexOf("?") < 0 ? "?" : /[?&]$/.test(base) ? "" : "&";
    return base + sep + "api%5Baccess_token%5D=" + encodeURIComponent(token) + (hash < 0 ? "" : src.slice(hash));
  }

  const chatappFrames = new Set();

  function startChatApp(entry) {
    const frameId = isPlain(entry) && isString(entry.frameId) ? entry.frameId : "";
    const iframe = frameId ? doc.getElementById(frameId) : null;
    if (!iframe || iframe.tagName !== "IFRAME" || chatappFrames.has(frameId)) {
      warn("chatapp frame " + (frameId || "(no id)") + " not found, or listed twice (config).");
      emit("chatapp-error", { frameId, code: "config" });
      return;
    }
    chatappFrames.add(frameId);
    const box = make("div", "es-chatapp-state");
    box.setAttribute("data-es-frame", frameId);
    const status = statusLine("es-chatapp-state__status");
    box.append(status);
    iframe.after(box); // the iframe itself is never moved
    const endpoint = sameOriginURL(entry.tokenEndpoint);
    const src = entry.src;
    let alertBox = null;
    let running = false;

    const fail = (code, retry, httpStatus) => {
      running = false;
      status.textContent = "";
      alertBox = alertWithRetry(failureText("chatapp", code, httpStatus), retry ? () => {
        run(); // removes this alert and shows the loading status...
        status.focus(); // ...which takes the focus the removed button had
      } : null);
      box.append(alertBox);
      warn("chatapp frame " + frameId + ": no access token (" + code + ").");
      emit("chatapp-error", { frameId, code });
    };

    async function run() {
      if (running) return;
      running = true;
      if (alertBox) {
        alertBox.remove();
        alertBox = null;
      }
      status.textContent = S.chatappLoading;
      const result = await getJson(endpoint.href);
      if (!result.ok) return fail(result.code, true, result.status);
      const token = isPlain(result.body) && hasOwn(result.body, "accessToken") ? result.body.accessToken : null;
      if (!isAccessToken(token)) return fail("invalid", true);
      iframe.addEventListener("load", () => emit("chatapp-ready", { frameId }), { once: true });
      iframe.classList.remove("es-frame--pending");
      const hadFocus = doc.activeElement === status; // after a Retry: the focus moves on to the chat
      status.textContent = "";
      iframe.src = withToken(src, token);
      if (hadFocus) iframe.focus();
      running = false;
    }

    iframe.classList.add("es-frame--pending"); // an empty frame is hidden until it has its src
    if (!endpoint || !chatappSrcOk(entry.origin, src)) return fail("config", false);
    run();
  }

  feature("chatapp", (settings) => {
    const entries = Array.isArray(settings.chatapp) ? settings.chatapp.slice(0, 20) : [];
    return entries.length ? () => entries.forEach(startChatApp) : null;
  });
