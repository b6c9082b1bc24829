/*
 * embedsmith host bridge (settings version 1): the core, first of the modules the generator joins
 * into one script per feature set (templates/assets/bridge/, joined in file-name order inside one
 * function scope: 00-core.js opens it, 99-start.js closes it).
 *
 * Static asset shared by the generated embed pages. It holds no tenant value: everything comes
 * from <script type="application/json" id="embedsmith-config">, which must precede this script.
 * The page loads this file as a classic synchronous script *before* any agent <iframe>, so the
 * single `message` listener below exists before any frame can post its one-time `ready`.
 *
 * Core (every page with the bridge): settings, origin/source/shape checks, event bus, the
 * web-agent / Apizee Embed postMessage path (queue, send, handshake), DOM and fetch helpers.
 * Feature modules, each loaded only by pages whose settings hold its key: 20-frames-ui.js
 * (`frames`: built-in controls, gallery, toasts), 30-loader-agent.js (`loaderAgent`: Apizee
 * loaderAgent bootstrap), 40-chatapp.js (`chatapp`: ChatApp Dialog frames that get their src with
 * a live access token), 50-timeline.js (`timeline`: Apizee session timeline), 60-engage.js
 * (`engage`: TeamViewer Engage CVLoaded hook, labels, visibility, co-browsing buttons). UI strings:
 * strings-<locale>.js, the page's language only.
 *
 * Rules kept throughout: no eval/Function/string timers, no innerHTML/document.write, no location
 * assignment, DOM built with createElement/textContent (fetched and posted text included), no
 * inline style attributes (CSS classes from bridge.css), postMessage only with the frame's exact
 * origin, fetches only to same-origin paths, message contents (snapshot data URLs, invitation
 * links) and credentials (tokens) are never written to the console, the DOM or an event (one
 * exception: the ChatApp token goes into its frame's src, where the vendor reads it).
 *
 * Tests: Tests/browser/ (pytest + Playwright against /usr/bin/chromium).
 */
(function () {
  "use strict";

  if (window.embedsmith) {
    // Loaded twice: keep the first instance, so exactly one listener handles messages.
    return;
  }

  const doc = document;
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const warn = (text) => console.warn("embedsmith: " + text);

  // ---------------------------------------------------------------------------------------------
  // UI strings: one table per language (strings-<locale>.js); the page loads the one it uses.
  // ---------------------------------------------------------------------------------------------
  const STRINGS = {};
  let S = null; // the page's table, chosen in 99-start.js once every module has run
  let locale = "en";
  const fmt = (template, vars) =>
    template.replace(/\{(\w+)\}/g, (m, k) => (vars && hasOwn(vars, k) ? String(vars[k]) : m));
  const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + "\u2026" : s);

  // ---------------------------------------------------------------------------------------------
  // Shape checks (vendors.md §3.5). Unknown extra fields are tolerated but never passed on:
  // every accepted message is rebuilt from its documented fields only.
  // ---------------------------------------------------------------------------------------------
  const isPlain = (v) => {
    if (v === null || typeof v !== "object") return false;
    const p = Object.getPrototypeOf(v);
    return p === Object.prototype || p === null;
  };
  const isString = (v) => typeof v === "string";
  const isCount = (v) => Number.isSafeInteger(v) && v >= 0;
  const isDuration = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
  const isContact = (v) =>
    isPlain(v) && isString(v.id) && (!hasOwn(v, "userData") || v.userData === undefined || isPlain(v.userData));
  // UserData: object whose values are strings (undefined values are dropped).
  const isUserData = (v) =>
    isPlain(v) && Object.keys(v).every((k) => v[k] === undefined || typeof v[k] === "string");

  const req = (check) => ({ check, optional: false });
  const opt = (check) => ({ check, optional: true });
  // Kept only when it passes the check; missing or of another type, the message still counts
  // (the real app posts {type: "error", reason: undefined} when a camera error has no message).
  const keepIf = (check) => ({ check, optional: true, lenient: true });

  // The only data URLs a snapshot may carry: they become an <img src>, a download link and an
  // event for the page's own code, so a javascript:, remote or data:text/html URL never passes.
  const SAFE_IMAGE = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
  const MAX_IMAGE_CHARS = 16 * 1024 * 1024;
  const isSafeImage = (v) => isString(v) && v.length <= MAX_IMAGE_CHARS && SAFE_IMAGE.test(v);

  // web-agent -> host
  const OUT_CURRENT = new Map([
    ["ready", {}],
    ["resize", {}],
    ["joined", {}],
    ["left", {}],
    ["snapshot", { contact: opt(isContact), dataUrl: req(isString) }],
    ["link_copied", { name: opt(isString), link: req(isString) }],
    ["sms_sent", { name: req(isString), phone: req(isString), link: req(isString) }],
    ["sms_fail", { name: req(isString), phone: req(isString), link: req(isString) }],
    ["subscribed_streams", { length: req(isCount) }],
    ["contacts", { length: req(isCount) }],
    ["error", { reason: keepIf(isString) }],
    ["warning", { reason: keepIf(isString) }]
  ]);
  const OUT_LEGACY = new Map(OUT_CURRENT);
  OUT_LEGACY.set("conversation_start", { conversationName: req(isString) });
  OUT_LEGACY.set("conversation_end", { conversationName: req(isString), durationMilliseconds: req(isDuration) });

  // host -> web-agent, current names (what send() accepts)
  const IN_CURRENT = new Map([
    ["configuration", { data: req(isPlain) }],
    ["connect", {}],
    ["disconnect", {}],
    ["conversation", { name: req(isString) }],
    ["join", {}],
    ["leave", {}],
    ["guest_data", { data: req(isUserData) }],
    ["user_data", { data: req(isUserData) }]
  ]);
  // 2023-07 protocol (web-agent v1.1, 2023-07-13 .. 2023-09): the other names are unchanged.
  // Legacy app_config *replaces* the whole app config instead of deep-merging it: the settings
  // must hold all of it (isWholeLegacyConfiguration). The 2023-07 app has no `conversation`
  // message (the name comes from the URL's cN only).
  const LEGACY_NAME = new Map([
    ["configuration", "app_config"],
    ["guest_data", "invitee_data"],
    ["join", "join_conversation"],
    ["leave", "leave_conversation"]
  ]);

  // Returns a copy holding only the documented fields, or null when a field has the wrong shape.
  function conform(data, schema) {
    const out = { type: data.type };
    for (const key of Object.keys(schema)) {
      const field = schema[key];
      const value = hasOwn(data, key) ? data[key] : undefined;
      if (value === undefined) {
        if (!field.optional) return null;
        continue;
      }
      if (!field.check(value)) {
        if (field.lenient) continue;
        return null;
      }
      out[key] = value;
    }
    if (out.contact) {
      out.contact = out.contact.userData === undefined
        ? { id: out.contact.id }
        : { id: out.contact.id, userData: out.contact.userData };
    }
    if (isPlain(out.data) && (data.type === "guest_data" || data.type === "user_data")) {
      const clean = {};
      for (const k of Object.keys(out.data)) if (out.data[k] !== undefined) clean[k] = out.data[k];
      out.data = clean;
    }
    return out;
  }

  // web-agent at 6a63ef5 (2023-08-01), src/Wrapper.tsx: the config its URL-less fields default to.
  const LEGACY_DEFAULTS = {
    installationId: "agent-room",
    cloudUrl: "https://cloud.apirtc.com",
    assistedUrl: "https://apirtc.github.io/visio-assisted"
  };
  const isWholeLegacyConfiguration = (c) =>
    isPlain(c) && isString(c.installationId) && isString(c.assistedUrl) &&
    isPlain(c.apiRtc) && isString(c.apiRtc.cloudUrl) && isString(c.apiRtc.apiKey);

  const isOrigin = (s) => {
    if (!isString(s)) return false;
    try {
      const u = new URL(s);
      return (u.protocol === "https:" || u.protocol === "http:") && u.origin === s;
    } catch (e) {
      return false;
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Settings
  // ---------------------------------------------------------------------------------------------
  const frames = new Map(); // frame id -> state

  function readSettings() {
    const node = doc.getElementById("embedsmith-config");
    if (!node) {
      warn("no #embedsmith-config settings element; the bridge is inactive.");
      return null;
    }
    let raw;
    try {
      raw = JSON.parse(node.textContent);
    } catch (e) {
      warn("#embedsmith-config is not valid JSON; the bridge is inactive.");
      return null;
    }
    if (!isPlain(raw) || raw.version !== 1) {
      warn("unsupported settings version; the bridge is inactive.");
      return null;
    }
    return raw;
  }

  function addFrame(f) {
    if (!isPlain(f) || !isString(f.id) || f.id === "" || frames.has(f.id)) {
      warn("ignoring a frame entry without a unique id.");
      return;
    }
    if (!isOrigin(f.origin)) {
      warn("ignoring frame " + f.id + ": origin is not a serialized http(s) origin.");
      return;
    }
    if (f.app !== "web-agent" && f.app !== "apizee-embed") {
      warn("frame " + f.id + ": unknown app, treated as web-agent.");
    }
    let legacy = false;
    if (f.protocol === "2023-07") legacy = true;
    else if (f.protocol !== "current") warn("frame " + f.id + ": unknown protocol, using current.");
    let configuration = isPlain(f.configuration) ? f.configuration : null;
    let conversation = isString(f.conversation) ? f.conversation : null;
    if (legacy && configuration && !isWholeLegacyConfiguration(configuration)) {
      // app_config would replace the app's whole config with a part of it: the session breaks.
      warn("frame " + f.id + ": a 2023-07 configuration must hold installationId, apiRtc.cloudUrl, apiRtc.apiKey and assistedUrl; not sent.");
      configuration = null;
    }
    if (legacy && conversation !== null) {
      warn("frame " + f.id + ": the 2023-07 web-agent has no conversation message; put the name in the frame URL (cN).");
      conversation = null;
    }
    const ui = isPlain(f.ui) ? f.ui : {};
    let guest = null;
    if (isPlain(f.guest)) {
      guest = {};
      for (const k of Object.keys(f.guest)) if (isString(f.guest[k])) guest[k] = f.guest[k];
      if (Object.keys(guest).length === 0) guest = null;
    }
    frames.set(f.id, {
      id: f.id,
      origin: f.origin,
      legacy,
      configuration,
      conversation,
      guest,
      ui: {
        gallery: ui.gallery === true,
        toasts: ui.toasts === true,
        resize: ui.resize === true,
        controls: ui.controls === true
      },
      ready: false,
      queue: [],
      view: null // DOM nodes of the built-in UI, once built
    });
  }

  const settings = readSettings();
  if (settings) {
    if (settings.locale === "fr" || settings.locale === "en") locale = settings.locale;
    if (Array.isArray(settings.frames)) settings.frames.forEach(addFrame);
  }

  // Feature modules register here: `start(settings)` runs once, synchronously, after every module
  // has loaded (99-start.js); it returns what to do once the DOM is parsed, or nothing when the
  // page's settings do not use the feature.
  const features = [];
  const feature = (name, start) => features.push({ name, start });

  // The built-in UI of agent frames (20-frames-ui.js), when the page has it: it shows the
  // messages the core accepted. Without it the core still handshakes, queues and emits events.
  let frameUI = null;

  // ---------------------------------------------------------------------------------------------
  // Statistics and event bus
  // ---------------------------------------------------------------------------------------------
  const stats = { accepted: 0, dropped: 0, droppedByReason: { origin: 0, source: 0, shape: 0, type: 0, dataUrl: 0 } };

  function drop(reason) {
    stats.dropped += 1;
    stats.droppedByReason[reason] += 1;
    // Reason only: message contents (data URLs, links) never reach the console.
    console.debug("embedsmith: dropped a message (" + reason + ")");
  }

  function emit(name, detail) {
    doc.dispatchEvent(new CustomEvent("embedsmith:" + name, { detail }));
  }

  // Work on the built-in UI waits for the DOM: a frame that loads instantly may post before the
  // parser has reached the end of the page.
  const domQueue = [];
  const whenDom = (fn) => {
    if (doc.readyState === "loading") domQueue.push(fn);
    else fn();
  };

  // ---------------------------------------------------------------------------------------------
  // Host -> agent
  // ---------------------------------------------------------------------------------------------
  function iframeOf(frame) {
    const el = doc.getElementById(frame.id);
    return el && el.tagName === "IFRAME" ? el : null;
  }

  function post(frame, message) {
    const el = iframeOf(frame);
    if (!el || !el.contentWindow) return false;
    // Exact origin, never "*": if the frame has navigated elsewhere, the browser drops it.
    el.contentWindow.postMessage(message, frame.origin);
    return true;
  }

  // Builds the wire message for a frame (current names in, legacy names out when configured).
  function wire(frame, message) {
    const out = Object.assign({}, message);
    if (frame.legacy && LEGACY_NAME.has(out.type)) out.type = LEGACY_NAME.get(out.type);
    return out;
  }

  // Configuration the frame's URL already gives the app (web-agent Wrapper.tsx: the URL is read
  // into the app config at mount). Legacy builds (6a63ef5) build their whole config from it,
  // with the vendor's defaults for what the URL leaves out.
  function urlConfiguration(frame) {
    const el = iframeOf(frame);
    let q;
    try {
      q = new URL(el ? el.src : "").searchParams;
    } catch (e) {
      return null;
    }
    const get = (k) => (q.has(k) ? q.get(k) : undefined);
    if (frame.legacy) {
      return {
        installationId: get("iI") ?? LEGACY_DEFAULTS.installationId,
        apiRtc: { cloudUrl: get("cU") ?? LEGACY_DEFAULTS.cloudUrl, apiKey: get("aK") },
        assistedUrl: get("aU") ?? LEGACY_DEFAULTS.assistedUrl
      };
    }
    return {
      installationId: get("iI"),
      apiRtc: { apiKey: get("aK"), cloudUrl: get("cU") },
      guestUrl: get("gU"),
      invitationServiceUrl: get("iU")
    };
  }

  // True when every value of `wanted` is already the same in `given` (undefined = unknown).
  function covered(wanted, given) {
    if (!isPlain(given)) return false;
    return Object.keys(wanted).every((k) =>
      isPlain(wanted[k]) ? covered(wanted[k], given[k]) : given[k] !== undefined && given[k] === wanted[k]);
  }

  // The app starts its ApiRTC session again on every configuration it receives (the config is a
  // new object each time), so one that only repeats the URL is not sent: one set-up per load.
  function addsSomething(frame, configuration) {
    const fromURL = urlConfiguration(frame);
    if (!fromURL) return true;
    if (frame.legacy) return !(covered(configuration, fromURL) && covered(fromURL, configuration));
    return !covered(configuration, fromURL);
  }

  function handshake(frame) {
    if (frame.configuration && addsSomething(frame, frame.configuration)) {
      post(frame, wire(frame, { type: "configuration", data: frame.configuration }));
    }
    if (frame.conversation !== null) post(frame, wire(frame, { type: "conversation", name: frame.conversation }));
    if (frame.guest) post(frame, wire(frame, { type: "guest_data", data: frame.guest }));
    frame.queue.splice(0).forEach((m) => post(frame, m));
  }

  const MAX_QUEUE = 100;

  // Public send path (also used by the built-in controls). Returns true when posted or queued.
  function send(frameId, message) {
    const frame = isString(frameId) ? frames.get(frameId) : undefined;
    if (!frame || !isPlain(message) || !isString(message.type)) return false;
    const schema = IN_CURRENT.get(message.type);
    if (!schema) return false;
    if (frame.legacy && message.type === "conversation") {
      warn("frame " + frame.id + ": the 2023-07 web-agent has no conversation message; not sent (the name comes from the frame URL, cN).");
      return false;
    }
    let clean = conform(message, schema);
    if (!clean) return false;
    try {
      clean = structuredClone(clean); // snapshot now, and refuse what postMessage could not clone
    } catch (e) {
      return false;
    }
    // conversation and guest data are state the handshake replays on every `ready`: the latest
    // value wins, so a reloaded frame gets the current one (and nothing is sent twice).
    if (clean.type === "conversation") frame.conversation = clean.name;
    if (clean.type === "guest_data") frame.guest = clean.data;
    if (frame.ready) return post(frame, wire(frame, clean));
    if (clean.type === "conversation" || clean.type === "guest_data") return true;
    if (frame.queue.length >= MAX_QUEUE) return false;
    frame.queue.push(wire(frame, clean));
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Agent -> host
  // ---------------------------------------------------------------------------------------------
  window.addEventListener("message", (event) => {
    let frame = null;
    let originMatched = false;
    for (const f of frames.values()) {
      if (event.origin !== f.origin) continue;
      originMatched = true;
      const el = iframeOf(f);
      if (el && event.source !== null && event.source === el.contentWindow) {
        frame = f;
        break;
      }
    }
    if (!originMatched) return drop("origin");
    if (!frame) return drop("source");
    const data = event.data;
    if (!isPlain(data) || !hasOwn(data, "type") || !isString(data.type)) return drop("shape");
    const schema = (frame.legacy ? OUT_LEGACY : OUT_CURRENT).get(data.type);
    if (!schema) return drop("type");
    const message = conform(data, schema);
    if (!message) return drop("shape");
    if (message.type === "snapshot" && !isSafeImage(message.dataUrl)) {
      if (frame.ui.gallery && frameUI) whenDom(() => frameUI.refused(frame));
      return drop("dataUrl");
    }
    stats.accepted += 1;
    handle(frame, message);
  });

  function handle(frame, message) {
    if (message.type === "ready") {
      frame.ready = true;
      handshake(frame);
    }
    if (frameUI) whenDom(() => frameUI.show(frame, message));
    emit(message.type, { frameId: frame.id, message });
  }

  // ---------------------------------------------------------------------------------------------
  // DOM helpers (every feature builds its UI with these)
  // ---------------------------------------------------------------------------------------------
  function make(tag, className, text) {
    const n = doc.createElement(tag);
    if (className) n.className = className;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  function button(text, className, type) {
    const b = make("button", className, text);
    b.type = type || "button";
    return b;
  }

  // ---------------------------------------------------------------------------------------------
  // Run-time fetches from the integrator's own endpoints (loaderAgent info, ChatApp token,
  // session timeline)
  // ---------------------------------------------------------------------------------------------
  const FETCH_TIMEOUT_MS = 15000;

  // A same-origin absolute path ("/api/…"), resolved against the page; null for anything else
  // ("//host/…", "https://…", "api/…", "/\\host").
  function sameOriginURL(path) {
    if (!isString(path) || !/^\/(?![/\\])/.test(path)) return null;
    try {
      const u = new URL(path, location.href);
      return u.origin === location.origin ? u : null;
    } catch (e) {
      return null;
    }
  }

  // GET with the page's cookies, JSON expected. Resolves {ok: true, body} or {ok: false, code,
  // status}: code is auth (401, 403, or a redirect, i.e. a sign-in page), http, network,
  // timeout or invalid (not JSON).
  async function getJson(href) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
    try {
      let response;
      try {
        response = await fetch(href, {
          method: "GET",
          credentials: "same-origin",
          cache: "no-store",
          redirect: "manual",
          headers: { Accept: "application/json" },
          signal: abort.signal
        });
      } catch (e) {
        return { ok: false, code: abort.signal.aborted ? "timeout" : "network" };
      }
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        return { ok: false, code: "auth" };
      }
      if (!response.ok) return { ok: false, code: "http", status: response.status };
      try {
        return { ok: true, body: await response.json() };
      } catch (e) {
        return { ok: false, code: abort.signal.aborted ? "timeout" : "invalid" };
      }
    } finally {
      clearTimeout(timer);
    }
  }

  const CODE_KEY = { http: "Http", network: "Network", timeout: "Timeout", invalid: "Invalid", config: "Config" };
  const failureText = (prefix, code, status) =>
    code === "auth" ? S.loaderAuth : fmt(S[prefix + (CODE_KEY[code] || "Invalid")], { status });

  // `adopt`: an existing line (the generator's "Loading…") to make live.
  function statusLine(className, adopt) {
    const p = adopt || make("p");
    p.className = className;
    p.setAttribute("role", "status");
    p.setAttribute("aria-live", "polite");
    p.tabIndex = -1; // takes the focus of a Retry button that disappears
    return p;
  }

  // The role="alert" box of a failed fetch; Retry only when retrying can help.
  function alertWithRetry(text, onRetry) {
    const box = make("div", "es-alert");
    box.setAttribute("role", "alert");
    box.append(make("p", "es-alert__text", text));
    if (onRetry) {
      const retry = button(S.retry, "es-btn");
      retry.addEventListener("click", onRetry);
      box.append(retry);
    }
    return box;
  }

  // English UI strings (settings locale "en", and the fallback).
  STRINGS.en = {
    controlsTitle: "Agent controls",
    stateLabel: "Agent app:",
    stateLoading: "loading",
    stateReady: "ready",
    stateJoined: "in the conversation",
    stateLeft: "not in a conversation",
    conversationLegend: "Conversation",
    conversationLabel: "Conversation name",
    setConversation: "Set conversation",
    join: "Join",
    leave: "Leave",
    guestLegend: "Guest",
    guestName: "Guest name",
    guestPhone: "Guest phone",
    sendGuest: "Send guest data",
    sentConversation: "Conversation set to \u201c{name}\u201d.",
    sentJoin: "Join requested.",
    sentLeave: "Leave requested.",
    sentGuest: "Guest data sent.",
    queued: "Waiting for the agent app: the request will be sent as soon as it is ready.",
    notSent: "The request could not be sent.",
    galleryTitle: "Snapshots",
    galleryEmpty: "No snapshots yet.",
    snapshotAlt: "Snapshot from {name}",
    download: "Download",
    downloadLabel: "Download snapshot from {name}, {time}",
    unknownContact: "a remote participant",
    notifications: "Notifications",
    dismiss: "Dismiss notification",
    linkCopied: "Invitation link copied.",
    linkCopiedFor: "Invitation link for {name} copied.",
    smsSent: "SMS invitation sent to {who}.",
    smsFail: "The SMS invitation to {who} could not be sent.",
    agentError: "Agent app error: {reason}",
    agentWarning: "Agent app warning: {reason}",
    agentErrorNoReason: "The agent app reported an error.",
    agentWarningNoReason: "The agent app reported a warning.",
    snapshotReceived: "New snapshot from {name}.",
    snapshotRejected: "A snapshot in an unsupported format was ignored.",
    loaderLoading: "Loading the agent\u2026",
    loaderStarted: "Agent loaded.",
    loaderAuth: "You are not signed in, or your session has expired. Sign in again, then retry.",
    loaderHttp: "The agent information could not be loaded (HTTP {status}).",
    loaderNetwork: "The agent information could not be loaded: network error.",
    loaderInvalid: "The agent information received from the server is not valid.",
    loaderConfig: "The agent loader is not configured correctly.",
    loaderScript: "The Apizee agent script could not be loaded.",
    loaderMissing: "The Apizee agent script did not provide loadAgent().",
    loaderStart: "The Apizee agent could not be started.",
    retry: "Retry",
    chatappLoading: "Connecting to the chat\u2026",
    chatappHttp: "The chat access could not be obtained (HTTP {status}).",
    chatappNetwork: "The chat access could not be obtained: network error.",
    chatappTimeout: "The chat access could not be obtained: the server did not answer in time.",
    chatappInvalid: "The chat access received from the server is not valid.",
    chatappConfig: "The chat is not configured correctly.",
    cobrowseWaiting: "Co-browsing becomes available once the chat service has loaded.",
    cobrowseUnavailable: "Co-browsing is not available: the chat service could not be loaded.",
    cobrowseNoApi: "Co-browsing is not available: the chat service does not offer it on this page.",
    cobrowseFailed: "The co-browsing request could not be sent.",
    timelineLoading: "Loading the session timeline\u2026",
    timelineNoTicket: "No ticket selected: open this page from a ticket to see its session timeline.",
    timelineBadTicket: "No ticket selected: the ticket number in the page address is not valid.",
    timelineEmpty: "No events recorded for this ticket yet.",
    timelineOne: "1 event.",
    timelineMany: "{count} events.",
    timelineCapped: "Showing the first {count} of {total} events.",
    timelineHttp: "The session timeline could not be loaded (HTTP {status}).",
    timelineNetwork: "The session timeline could not be loaded: network error.",
    timelineTimeout: "The session timeline could not be loaded: the server did not answer in time.",
    timelineInvalid: "The session timeline received from the server is not valid.",
    timelineConfig: "The session timeline is not configured correctly.",
    tlUnknownTime: "Time unknown",
    tlUnknownEvent: "Unknown event",
    tlAgent: "Agent",
    tlRequestor: "Requestor",
    tlSource: "Source",
    tlSourceAgent: "agent",
    tlSourceGuest: "guest",
    tlSourceSystem: "system",
    tlPriority: "Priority",
    tlMedia: "Media",
    tlPicture: "Picture #{id}",
    tlText: "Recognised text",
    tlQuestion: "Question {id}",
    tlFeedback: "Feedback",
    tlLocation: "Location",
    tlMap: "Open in OpenStreetMap",
    tlMapLabel: "Open the location {coords} in OpenStreetMap (new tab)",
    tlNotSatisfied: "Not satisfied",
    tlSatisfied: "Satisfied",
    tlVerySatisfied: "Very satisfied"
  };
  // ---------------------------------------------------------------------------------------------
  // Built-in UI of agent frames (settings `frames`): host controls, snapshot gallery, toasts
  // ---------------------------------------------------------------------------------------------
  function buildUI(frame) {
    const iframe = iframeOf(frame);
    if (!iframe) {
      warn("frame " + frame.id + " not found in the page.");
      return;
    }
    iframe.classList.add("es-frame");
    if (frame.ui.resize) iframe.classList.add("es-frame--tall");
    try {
      if (new URL(iframe.src).origin !== frame.origin) warn("frame " + frame.id + ": src origin differs from settings.");
    } catch (e) {
      warn("frame " + frame.id + ": src is not a URL.");
    }
    const ui = frame.ui;
    if (ui.toasts) toastRegion();
    if (!ui.controls && !ui.gallery) return;
    const view = {};
    const panel = make("div", "es-panel");
    panel.setAttribute("data-es-frame", frame.id);
    if (ui.controls) panel.append(buildControls(frame, view));
    if (ui.gallery) panel.append(buildGallery(frame, view));
    frame.view = view;
    // Inserted after the iframe: the iframe itself is never moved (that would reload it).
    iframe.after(panel);
    if (frame.ready) setState(frame, S.stateReady);
  }

  function field(parent, id, label, type, value) {
    const wrap = make("div", "es-field");
    const l = make("label", "es-label", label);
    l.htmlFor = id;
    const input = make("input", "es-input");
    input.id = id;
    input.type = type;
    input.autocomplete = "off";
    input.spellcheck = false;
    input.maxLength = 200;
    if (value) input.value = value;
    wrap.append(l, input);
    parent.append(wrap);
    return input;
  }

  function buildControls(frame, view) {
    const base = frame.id + "-es-";
    const section = make("section", "es-controls");
    const title = make("h2", "es-title", S.controlsTitle);
    title.id = base + "controls-title";
    section.setAttribute("aria-labelledby", title.id);

    const state = make("p", "es-state");
    const stateLabel = make("span", "es-state__label", S.stateLabel + " ");
    const stateValue = make("span", "es-state__value", S.stateLoading);
    state.append(stateLabel, stateValue);
    view.state = stateValue;

    const feedback = make("p", "es-feedback");
    feedback.setAttribute("role", "status");
    feedback.setAttribute("aria-live", "polite");
    view.feedback = feedback;

    const report = (ok, sentText) => {
      feedback.classList.toggle("es-feedback--error", !ok);
      if (!ok) feedback.textContent = S.notSent;
      else if (!frame.ready) feedback.textContent = S.queued;
      else feedback.textContent = sentText;
    };

    // Conversation: Enter in the name field submits "Set conversation" (the form's default button).
    const convForm = make("form", "es-form");
    const convSet = make("fieldset", "es-fieldset");
    convSet.append(make("legend", "es-legend", S.conversationLegend));
    const convInput = field(convSet, base + "conversation", S.conversationLabel, "text", frame.conversation);
    convInput.required = true;
    const convActions = make("div", "es-actions");
    const setBtn = button(S.setConversation, "es-btn es-btn--primary", "submit");
    const joinBtn = button(S.join, "es-btn");
    const leaveBtn = button(S.leave, "es-btn");
    convActions.append(setBtn, joinBtn, leaveBtn);
    convSet.append(convActions);
    convForm.append(convSet);
    convForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const name = convInput.value.trim();
      if (!name) return;
      report(send(frame.id, { type: "conversation", name }), fmt(S.sentConversation, { name: clip(name, 80) }));
    });
    joinBtn.addEventListener("click", () => report(send(frame.id, { type: "join" }), S.sentJoin));
    leaveBtn.addEventListener("click", () => report(send(frame.id, { type: "leave" }), S.sentLeave));

    // Guest data
    const guestForm = make("form", "es-form");
    const guestSet = make("fieldset", "es-fieldset");
    guestSet.append(make("legend", "es-legend", S.guestLegend));
    const g = frame.guest || {};
    const guestRow = make("div", "es-row");
    const nameInput = field(guestRow, base + "guest-name", S.guestName, "text", g.name);
    nameInput.required = true;
    const phoneInput = field(guestRow, base + "guest-phone", S.guestPhone, "tel", g.phone);
    guestSet.append(guestRow);
    phoneInput.inputMode = "tel";
    const guestActions = make("div", "es-actions");
    guestActions.append(button(S.sendGuest, "es-btn es-btn--primary", "submit"));
    guestSet.append(guestActions);
    guestForm.append(guestSet);
    guestForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const data = { name: nameInput.value.trim() };
      const phone = phoneInput.value.trim();
      if (!data.name) return;
      if (phone) data.phone = phone;
      report(send(frame.id, { type: "guest_data", data }), S.sentGuest);
    });

    section.append(title, state, convForm, guestForm, feedback);
    return section;
  }

  function setState(frame, text) {
    if (frame.view && frame.view.state) frame.view.state.textContent = text;
  }

  function buildGallery(frame, view) {
    const section = make("section", "es-gallery");
    const title = make("h2", "es-title", S.galleryTitle);
    title.id = frame.id + "-es-gallery-title";
    section.setAttribute("aria-labelledby", title.id);
    // Announces new (and refused) snapshots politely, instead of a toast per picture.
    const status = make("p", "es-gallery__status", S.galleryEmpty);
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const list = make("ul", "es-gallery__list");
    section.append(title, status, list);
    view.galleryStatus = status;
    view.galleryList = list;
    view.snapshots = 0;
    return section;
  }

  const MAX_SNAPSHOTS = 12;

  function contactName(contact) {
    const u = contact && contact.userData;
    if (u) {
      for (const k of ["name", "firstName", "nickname", "username"]) {
        if (hasOwn(u, k) && isString(u[k]) && u[k].trim()) return clip(u[k].trim(), 60);
      }
    }
    if (contact && contact.id) return clip(contact.id, 60);
    return S.unknownContact;
  }

  function refuseSnapshot(frame) {
    if (frame.view && frame.view.galleryStatus) frame.view.galleryStatus.textContent = S.snapshotRejected;
  }

  function addSnapshot(frame, message) {
    const view = frame.view;
    const url = message.dataUrl;
    if (!view || !view.galleryList) return;
    const m = SAFE_IMAGE.exec(url); // checked when the message arrived (isSafeImage)
    if (!m) return;
    const name = contactName(message.contact);
    const time = new Date().toLocaleTimeString(locale);
    view.snapshots += 1;
    const item = make("li", "es-snapshot");
    const figure = make("figure", "es-snapshot__figure");
    const img = make("img", "es-snapshot__img");
    img.alt = fmt(S.snapshotAlt, { name });
    img.decoding = "async";
    img.src = url;
    const caption = make("figcaption", "es-snapshot__caption");
    const meta = make("span", "es-snapshot__meta", name + " \u00b7 " + time);
    const link = make("a", "es-snapshot__download", S.download);
    link.href = url;
    link.download = "snapshot-" + view.snapshots + "." + (m[1] === "jpeg" ? "jpg" : m[1]);
    link.setAttribute("aria-label", fmt(S.downloadLabel, { name, time }));
    caption.append(meta, link);
    figure.append(img, caption);
    item.append(figure);
    view.galleryList.prepend(item);
    while (view.galleryList.children.length > MAX_SNAPSHOTS) view.galleryList.lastElementChild.remove();
    view.galleryStatus.textContent = fmt(S.snapshotReceived, { name });
  }

  // Frame size. The `resize` message carries no size, and the host cannot measure a
  // cross-origin document. The real web-agent posts it at every mount, *before* `ready`, and on
  // display changes: it cannot tell "grew" from "loaded". So the height does not follow messages:
  // a frame with `ui.resize` has the app's working height from its first paint
  // (`.es-frame--tall`, bridge.css; the generator writes the class in the page, the bridge adds it
  // for hand-written pages), and keeps it through loads, reloads and resizes: no jump at load,
  // nothing moves under the user's pointer. `resize` is passed on as an event only.

  // Toasts
  const TOAST_MS = { info: 6000, warning: 8000, error: 12000 };
  const MAX_TOASTS = 4;
  let region = null;

  function toastRegion() {
    if (region) return region;
    region = make("section", "es-toasts");
    region.setAttribute("aria-label", S.notifications);
    region.tabIndex = -1; // focus lands here when the focused toast is dismissed
    doc.body.append(region);
    return region;
  }

  function toastFor(message) {
    const t = message.type;
    const who = (m) => (m.name ? clip(m.name, 60) + " (" + clip(m.phone, 30) + ")" : clip(m.phone, 30));
    if (t === "link_copied") {
      toast("info", message.name ? fmt(S.linkCopiedFor, { name: clip(message.name, 60) }) : S.linkCopied);
    } else if (t === "sms_sent") {
      toast("info", fmt(S.smsSent, { who: who(message) }));
    } else if (t === "sms_fail") {
      toast("error", fmt(S.smsFail, { who: who(message) }));
    } else if (t === "error") {
      toast("error", isString(message.reason) ? fmt(S.agentError, { reason: clip(message.reason, 300) }) : S.agentErrorNoReason);
    } else if (t === "warning") {
      toast("warning", isString(message.reason) ? fmt(S.agentWarning, { reason: clip(message.reason, 300) }) : S.agentWarningNoReason);
    }
  }

  function toast(kind, text) {
    const box = toastRegion();
    const t = make("div", "es-toast es-toast--" + kind);
    if (kind === "error") {
      t.setAttribute("role", "alert");
    } else {
      t.setAttribute("role", "status");
      t.setAttribute("aria-live", "polite");
    }
    t.setAttribute("aria-atomic", "true");
    const p = make("p", "es-toast__text", text);
    const close = button("\u00d7", "es-toast__close");
    close.setAttribute("aria-label", S.dismiss);
    t.append(p, close);

    let timer = 0;
    const start = () => {
      clearTimeout(timer);
      timer = setTimeout(() => dismiss(t), TOAST_MS[kind]);
    };
    const pause = () => clearTimeout(timer);
    t.addEventListener("mouseenter", pause);
    t.addEventListener("mouseleave", () => {
      if (!t.contains(doc.activeElement)) start();
    });
    t.addEventListener("focusin", pause);
    t.addEventListener("focusout", (ev) => {
      if (!t.contains(ev.relatedTarget)) start();
    });
    close.addEventListener("click", () => dismiss(t));
    t.esStop = pause;

    box.append(t);
    while (box.children.length > MAX_TOASTS) dismiss(box.firstElementChild);
    start();
  }

  function dismiss(t) {
    if (!t || !t.parentNode) return;
    if (t.esStop) t.esStop();
    const box = t.parentNode;
    if (t.contains(doc.activeElement)) {
      const next = t.nextElementSibling || t.previousElementSibling;
      const target = next && next.querySelector("button");
      (target || box).focus();
    }
    t.remove();
  }

  // What the core hands over once the DOM is parsed: each accepted message of a frame.
  function show(frame, message) {
    const type = message.type;
    if (type === "ready") setState(frame, S.stateReady);
    else if (type === "joined") setState(frame, S.stateJoined);
    else if (type === "left") setState(frame, S.stateLeft);
    else if (type === "snapshot" && frame.ui.gallery) addSnapshot(frame, message);
    else if (frame.ui.toasts) toastFor(message);
  }

  frameUI = { show, refused: refuseSnapshot };
  feature("frames", () => (frames.size ? () => frames.forEach(buildUI) : null));
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
  // ---------------------------------------------------------------------------------------------
  // Public API, then the features the page's settings use (last module: closes the scope that
  // 00-core.js opened)
  // ---------------------------------------------------------------------------------------------
  S = STRINGS[locale] || STRINGS.en || STRINGS.fr;

  const api = Object.freeze({
    version: 1,
    send,
    stats: () => ({
      accepted: stats.accepted,
      dropped: stats.dropped,
      droppedByReason: Object.assign({}, stats.droppedByReason)
    }),
    isReady: (frameId) => {
      const f = isString(frameId) ? frames.get(frameId) : undefined;
      return !!(f && f.ready);
    }
  });
  Object.defineProperty(window, "embedsmith", { value: api, enumerable: true });

  const domSteps = [];
  if (settings) {
    const loaded = new Set(features.map((f) => f.name));
    for (const key of Object.keys(settings)) {
      const value = settings[key];
      const used = value !== null && !(Array.isArray(value) && value.length === 0);
      if (used && !["version", "locale"].includes(key) && !loaded.has(key)) {
        warn("settings key " + key + " is ignored: this page's bridge has no module for it.");
      }
    }
    for (const f of features) {
      const step = f.start(settings);
      if (typeof step === "function") domSteps.push(step);
    }
  }

  const onDom = () => {
    domSteps.forEach((step) => step());
    domQueue.splice(0).forEach((fn) => fn());
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", onDom, { once: true });
  else onDom(); // loaded after parsing (not the contract, but keep working): build the UI now
})();
