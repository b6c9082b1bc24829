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
