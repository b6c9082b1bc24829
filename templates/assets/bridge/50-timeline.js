  // ---------------------------------------------------------------------------------------------
  // Apizee session timeline (vendors.md §6). The events of the ticket named by ?ticketId= come
  // from the integrator's same-origin proxy of the Session Events API (which holds the Bearer
  // token). Both documented shapes are accepted; every fetched string reaches the page as text.
  // ---------------------------------------------------------------------------------------------
  const MAX_EVENTS = 1000;
  const MAX_SCANNED = 100000;
  // vendors.md §6.1: type, English, French, what the bridge shows besides agent/requestor
  // ("warn" marks refusals and failures).
  const EVENT_TYPES = [
    ["consent.accepted", "Consent accepted", "Consentement accept\u00e9", ""],
    ["ticket.sessionStarted", "Session started", "Session d\u00e9marr\u00e9e", ""],
    ["geo.ansAllowed", "Location shared", "Position partag\u00e9e", "geo"],
    ["geo.ansDisallowed", "Location sharing refused", "Partage de la position refus\u00e9", "warn"],
    ["ticket.approved", "Ticket approved", "Ticket approuv\u00e9", ""],
    ["ticket.new", "Ticket created", "Ticket cr\u00e9\u00e9", ""],
    ["ticket.assigned", "Ticket assigned", "Ticket attribu\u00e9", ""],
    ["ticket.completed", "Ticket completed", "Ticket termin\u00e9", ""],
    ["ticket.cancelled", "Ticket cancelled", "Ticket annul\u00e9", "warn"],
    ["ticket.closed", "Ticket closed", "Ticket cl\u00f4tur\u00e9", ""],
    ["mediaDevice.allowed", "Camera and microphone allowed", "Cam\u00e9ra et micro autoris\u00e9s", ""],
    ["mediaDevice.disallowed", "Camera and microphone refused", "Cam\u00e9ra et micro refus\u00e9s", "warn"],
    ["mediaDevice.cameraAllowed", "Camera allowed", "Cam\u00e9ra autoris\u00e9e", ""],
    ["mediaDevice.cameraDisallowed", "Camera refused", "Cam\u00e9ra refus\u00e9e", "warn"],
    ["mediaDevice.micAllowed", "Microphone allowed", "Micro autoris\u00e9", ""],
    ["mediaDevice.micDisallowed", "Microphone refused", "Micro refus\u00e9", "warn"],
    ["session.established", "Session established", "Session \u00e9tablie", ""],
    ["ticket.priorityChanged", "Priority changed", "Priorit\u00e9 modifi\u00e9e", "priority"],
    ["ticket.invitationSent", "Invitation sent", "Invitation envoy\u00e9e", ""],
    ["ticket.invitationResent", "Invitation sent again", "Invitation renvoy\u00e9e", ""],
    ["ticket.invitationAccepted", "Invitation accepted", "Invitation accept\u00e9e", ""],
    ["ticket.invitationDeclined", "Invitation declined", "Invitation d\u00e9clin\u00e9e", "warn"],
    ["ticket.invitationExpired", "Invitation expired", "Invitation expir\u00e9e", "warn"],
    ["ticket.invitationClicked", "Invitation link opened", "Lien d\u2019invitation ouvert", ""],
    ["ticket.invitationNotclicked", "Invitation link not opened", "Lien d\u2019invitation non ouvert", "warn"],
    ["session.agentContacted", "Agent contacted", "Agent contact\u00e9", ""],
    ["media.pictureTaken", "Picture taken", "Photo prise", "picture"],
    ["media.pictureSent", "Picture sent", "Photo envoy\u00e9e", "picture"],
    ["survey.answered", "Survey answered", "Questionnaire rempli", "survey"],
    ["session.agentLeft", "Agent left the session", "L\u2019agent a quitt\u00e9 la session", ""],
    ["session.userLeft", "User left the session", "L\u2019utilisateur a quitt\u00e9 la session", ""],
    ["media.OCRDone", "Text recognised (OCR)", "Texte reconnu (OCR)", "ocr"]
  ];
  // Matched case-insensitively (the vendor writes invitationNotclicked with a lower-case "c").
  const TYPE_BY_KEY = new Map(EVENT_TYPES.map((t) => [t[0].toLowerCase(), t]));
  const BASE_KEYS = new Set(["id", "eventType", "eventName", "type", "timestamp", "conversationId", "source", "data"]);
  const PERSON_KEYS = new Set(["agent", "requestor"]); // shown as people, not as key/values
  const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
  const isShown = (v) => isString(v) || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

  // Unix seconds (the current shape), an ISO 8601 string (the earlier one), or milliseconds
  // (a number too large to be seconds); null when it is none of them.
  function timeOf(v) {
    let ms = null;
    if (typeof v === "number" && Number.isFinite(v) && v >= 0) ms = v >= 1e11 ? v : v * 1000;
    else if (isString(v) && /^\d{1,16}$/.test(v)) return timeOf(Number(v));
    else if (isString(v) && ISO_TIME.test(v)) ms = Date.parse(v);
    return ms !== null && Number.isFinite(ms) && ms <= 8.64e15 ? ms : null;
  }

  function personText(p) {
    if (isString(p)) return clip(p.trim(), 200);
    if (!isPlain(p)) return "";
    const pick = (...keys) => {
      for (const k of keys) {
        const v = hasOwn(p, k) ? p[k] : undefined;
        if (isString(v) && v.trim()) return clip(v.trim(), 120);
        if (typeof v === "number" && Number.isFinite(v)) return String(v);
      }
      return "";
    };
    const name = [pick("firstname", "firstName"), pick("lastname", "lastName")].filter(Boolean).join(" ") ||
      pick("name", "nickname");
    return [name, pick("email", "mail"), pick("phone")].filter(Boolean).join(" \u00b7 ");
  }

  function localized(label) {
    if (isString(label)) return label;
    if (!isPlain(label)) return "";
    for (const k of [locale, "en", "fr"]) if (hasOwn(label, k) && isString(label[k]) && label[k].trim()) return label[k];
    const any = Object.keys(label).map((k) => label[k]).find((v) => isString(v) && v.trim());
    return any || "";
  }

  const coordinate = (v, max) => (typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= max ? v : null);
  const coordinateText = (v) => String(Number(v.toFixed(6)));

  function renderEvent(entry, dateFormat) {
    const ev = entry.ev;
    const data = isPlain(ev.data) ? ev.data : {};
    const get = (k) => (hasOwn(data, k) ? data[k] : hasOwn(ev, k) ? ev[k] : undefined);
    const typeName = [ev.eventType, ev.eventName, ev.type].find(isString);
    const known = typeName === undefined ? undefined : TYPE_BY_KEY.get(typeName.toLowerCase());
    const shows = known ? known[3].split(" ") : [];

    const li = make("li", "es-timeline__item" + (shows.includes("warn") ? " es-timeline__item--warn" : ""));
    if (known) li.setAttribute("data-event-type", known[0]);
    let time;
    if (entry.ms !== null) {
      time = make("time", "es-timeline__time", dateFormat.format(entry.ms));
      time.dateTime = new Date(entry.ms).toISOString();
    } else {
      time = make("span", "es-timeline__time es-timeline__time--unknown", S.tlUnknownTime);
    }
    const body = make("div", "es-timeline__body");
    const label = known ? known[locale === "fr" ? 2 : 1] : typeName && typeName.trim() ? clip(typeName, 100) : S.tlUnknownEvent;
    body.append(make("p", "es-timeline__label", label));
    const dl = make("dl", "es-timeline__details");
    const row = (term, value, className) => {
      const dd = make("dd", className, value);
      dl.append(make("dt", null, term), dd);
      return dd;
    };

    for (const [key, term] of [["agent", S.tlAgent], ["requestor", S.tlRequestor]]) {
      const who = personText(get(key));
      if (who) row(term, who);
    }
    if (isString(ev.source) && ev.source.trim()) {
      const src = { agent: S.tlSourceAgent, guest: S.tlSourceGuest, system: S.tlSourceSystem };
      row(S.tlSource, hasOwn(src, ev.source) ? src[ev.source] : clip(ev.source, 40));
    }
    if (!known) {
      // Unknown type: its primitive values (one level of nesting), as a key/value list.
      let n = 0;
      const add = (prefix, obj, depth, skip) => {
        for (const k of Object.keys(obj)) {
          if (n >= 30 || (depth === 0 && (PERSON_KEYS.has(k) || (skip && BASE_KEYS.has(k))))) continue;
          const v = obj[k];
          if (isShown(v)) {
            row(clip(prefix + k, 80), clip(String(v), 300));
            n += 1;
          } else if (isPlain(v) && depth === 0) {
            add(prefix + k + ".", v, 1, false);
          }
        }
      };
      add("", ev, 0, true);
      add("", data, 0, false);
    }
    if (shows.includes("priority")) {
      const o = get("oldPriority");
      const nw = get("newPriority");
      if (o !== undefined || nw !== undefined) {
        const t = (v) => (isShown(v) ? clip(String(v), 20) : "?");
        row(S.tlPriority, t(o) + " \u2192 " + t(nw));
      }
    }
    if (shows.includes("picture")) {
      const id = get("mediaId");
      if ((Number.isSafeInteger(id) && id >= 0) || (isString(id) && /^\d{1,18}$/.test(id))) {
        row(S.tlMedia, fmt(S.tlPicture, { id: String(id) }));
      } else if (isShown(id)) {
        row(S.tlMedia, clip(String(id), 100));
      }
    }
    if (shows.includes("ocr")) {
      const text = get("text");
      if (isString(text)) row(S.tlText, clip(text, 20000), "es-timeline__text");
    }
    if (shows.includes("survey")) {
      const survey = get("surveyAnswer");
      if (isPlain(survey)) {
        const answers = {
          "not satisfied": S.tlNotSatisfied, satisfied: S.tlSatisfied, "very satisfied": S.tlVerySatisfied
        };
        const questions = Array.isArray(survey.questions) ? survey.questions.slice(0, 50) : [];
        questions.forEach((q, i) => {
          if (!isPlain(q)) return;
          const id = isShown(q.id) ? clip(String(q.id), 20) : String(i + 1);
          const term = clip(localized(q.label).trim(), 300) || fmt(S.tlQuestion, { id });
          const a = q.answer;
          if (!isShown(a)) return row(term, "\u2014");
          const key = String(a).trim().toLowerCase();
          row(term, hasOwn(answers, key) ? answers[key] : clip(String(a), 300));
        });
        if (isString(survey.feedback) && survey.feedback.trim()) {
          row(S.tlFeedback, clip(survey.feedback, 5000), "es-timeline__text");
        }
      }
    }
    if (shows.includes("geo")) {
      const g = get("geoloc");
      if (isPlain(g)) {
        const pickG = (...keys) => keys.map((k) => (hasOwn(g, k) ? g[k] : undefined)).find((v) => v !== undefined);
        const rawLat = pickG("lat", "latitude");
        const rawLng = pickG("lng", "lon", "longitude");
        const lat = coordinate(rawLat, 90);
        const lng = coordinate(rawLng, 180);
        if (lat !== null && lng !== null) {
          const coords = coordinateText(lat) + ", " + coordinateText(lng);
          const dd = row(S.tlLocation, coords + " ");
          const a = make("a", "es-timeline__map", S.tlMap);
          a.href = "https://www.openstreetmap.org/?mlat=" + coordinateText(lat) + "&mlon=" + coordinateText(lng);
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          a.setAttribute("aria-label", fmt(S.tlMapLabel, { coords }));
          dd.append(a);
        } else if (isShown(rawLat) || isShown(rawLng)) {
          const t = (v) => (isShown(v) ? clip(String(v), 40) : "?");
          row(S.tlLocation, t(rawLat) + ", " + t(rawLng));
        }
      }
    }
    if (dl.children.length) body.append(dl);
    li.append(time, body);
    return li;
  }

  function startTimeline(cfg) {
    const box = isString(cfg.containerId) ? doc.getElementById(cfg.containerId) : null;
    if (!box) {
      warn("timeline container not found (config).");
      emit("timeline-error", { code: "config" });
      return;
    }
    box.classList.add("es-timeline");
    // The generator's static "Loading…" line becomes the live status line.
    const status = statusLine("es-timeline__status", box.querySelector("p.es-timeline-status"));
    box.prepend(status);
    let alertBox = null;
    let list = null;
    let running = false;

    const fail = (code, retry, httpStatus) => {
      running = false;
      box.removeAttribute("aria-busy");
      status.textContent = "";
      alertBox = alertWithRetry(failureText("timeline", code, httpStatus), retry ? () => {
        run();
        status.focus();
      } : null);
      box.append(alertBox);
      warn("session timeline failed (" + code + ").");
      emit("timeline-error", { code });
    };

    const template = cfg.endpoint;
    if (!isString(template) || !template.includes("{ticketId}") || !sameOriginURL(template.split("{ticketId}").join("0"))) {
      return fail("config", false);
    }
    const ids = new URLSearchParams(location.search).getAll("ticketId");
    if (ids.length !== 1 || !/^[0-9]{1,18}$/.test(ids[0])) {
      // Not an error: the page was opened without a (usable) ticket.
      status.textContent = ids.length === 0 ? S.timelineNoTicket : S.timelineBadTicket;
      emit("timeline-error", { code: ids.length === 0 ? "no-ticket" : "bad-ticket" });
      return;
    }
    const endpoint = sameOriginURL(template.split("{ticketId}").join(ids[0]));

    async function run() {
      if (running) return;
      running = true;
      if (alertBox) {
        alertBox.remove();
        alertBox = null;
      }
      if (list) {
        list.remove();
        list = null;
      }
      box.setAttribute("aria-busy", "true");
      status.textContent = S.timelineLoading;
      const result = await getJson(endpoint.href);
      if (!result.ok) return fail(result.code, true, result.status);
      const body = result.body;
      let raw = Array.isArray(body) ? body : null;
      if (!raw && isPlain(body)) {
        for (const k of ["events", "data", "items"]) if (hasOwn(body, k) && Array.isArray(body[k])) raw = body[k];
      }
      if (!raw) return fail("invalid", true);
      const entries = [];
      raw.slice(0, MAX_SCANNED).forEach((ev, i) => {
        if (!isPlain(ev)) return;
        const data = isPlain(ev.data) ? ev.data : {};
        const t = [ev.timestamp, data.timestamp, ev.time, ev.createdAt].find((v) => v !== undefined && v !== null);
        entries.push({ ev, i, ms: timeOf(t) });
      });
      // Oldest first; equal times keep the server's order; events without a usable time last.
      entries.sort((a, b) => (a.ms === null) - (b.ms === null) || (a.ms || 0) - (b.ms || 0) || a.i - b.i);
      const shown = entries.slice(0, MAX_EVENTS);
      const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
      list = make("ol", "es-timeline__list");
      for (const entry of shown) list.append(renderEvent(entry, dateFormat));
      status.after(list);
      const count = shown.length;
      const n = (v) => v.toLocaleString(locale);
      status.textContent = entries.length > count
        ? fmt(S.timelineCapped, { count: n(count), total: n(entries.length) })
        : count === 0 ? S.timelineEmpty : count === 1 ? S.timelineOne : fmt(S.timelineMany, { count: n(count) });
      box.removeAttribute("aria-busy");
      running = false;
      emit("timeline-loaded", { count });
    }

    run();
  }

  feature("timeline", (settings) => (isPlain(settings.timeline) ? () => startTimeline(settings.timeline) : null));
