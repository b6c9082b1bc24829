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
