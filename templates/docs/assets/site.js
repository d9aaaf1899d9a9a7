// charter docs: index filters, search, version switcher. A classic script (no modules, no fetch)
// so the site works from file://. Contract text only ever reaches the page as textContent.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // Index filters: by kind and owner.
  var kind = document.getElementById("filter-kind");
  var owner = document.getElementById("filter-owner");
  function filter() {
    var rows = document.querySelectorAll(".contract-row");
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var visible = (!kind.value || row.getAttribute("data-kind") === kind.value) && (!owner.value || row.getAttribute("data-owner") === owner.value);
      row.hidden = !visible;
      if (visible) shown++;
    }
    var count = document.getElementById("contract-count");
    if (count) count.textContent = shown + (shown === 1 ? " contract" : " contracts");
  }
  if (kind && owner) {
    kind.addEventListener("change", filter);
    owner.addEventListener("change", filter);
  }

  // Search (src/docs/search.ts): the index is split into script files, loaded as a query needs
  // them: the manifest, the word shard of each query word, the entry chunks of the shown results.
  var input = document.getElementById("search");
  var panel = document.getElementById("search-panel");
  var list = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  var LIMIT = 50;
  var loaded = {};
  var waiting = {};
  window.CHARTER_SEARCH_LOADED = function (name, data) {
    loaded[name] = data;
    var callbacks = waiting[name] || [];
    delete waiting[name];
    for (var i = 0; i < callbacks.length; i++) callbacks[i]();
  };
  function load(name, done) {
    if (name in loaded) return done();
    if (waiting[name]) return waiting[name].push(done);
    waiting[name] = [done];
    var script = document.createElement("script");
    script.src = root + "search/" + name + ".js";
    document.head.appendChild(script);
  }
  function loadAll(names, done) {
    var left = names.length;
    if (!left) return done();
    for (var i = 0; i < names.length; i++) load(names[i], function () { if (--left === 0) done(); });
  }
  // The same words and shards as search.ts's wordsOf and shardOf.
  function wordsOf(query) {
    return (query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []).filter(function (w) { return w.length > 1; });
  }
  function shardOf(word) {
    return word.slice(0, 2).replace(/[^a-z0-9]/g, "_");
  }
  // Entries whose title or description holds a word starting with `word`: number → 2 for the title, 1 for the description.
  function matches(word) {
    var found = {};
    var shard = loaded["w-" + shardOf(word)] || [];
    for (var i = 0; i < shard.length; i++) {
      var row = shard[i];
      if (row[0].indexOf(word) !== 0) continue;
      var exact = row[0] === word ? 1 : 0;
      for (var t = 0; t < row[1].length; t++) found[row[1][t]] = Math.max(found[row[1][t]] || 0, 4 + exact);
      if (row[2]) for (var d = 0; d < row[2].length; d++) found[row[2][d]] = Math.max(found[row[2][d]] || 0, 1 + exact);
    }
    return found;
  }
  // Every word must match; entries score the sum of their words' scores.
  function rank(words) {
    var scores = null;
    for (var w = 0; w < words.length; w++) {
      var found = matches(words[w]);
      var next = {};
      for (var entry in found) if (!scores || entry in scores) next[entry] = (scores ? scores[entry] : 0) + found[entry];
      scores = next;
    }
    var hits = Object.keys(scores || {}).map(Number);
    hits.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return hits;
  }
  var active = -1;
  var asked = 0;
  function setActive(index) {
    var options = list.querySelectorAll('[role="option"]');
    if (!options.length) return;
    active = (index + options.length) % options.length;
    for (var i = 0; i < options.length; i++) options[i].setAttribute("aria-selected", i === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }
  function open(option) {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    location.href = option.getAttribute("data-href");
  }
  function render(hits, words) {
    var manifest = loaded.manifest;
    var shown = hits.slice(0, LIMIT);
    var chunks = [];
    for (var i = 0; i < shown.length; i++) {
      var chunk = "e-" + Math.floor(shown[i] / manifest.chunk);
      if (chunks.indexOf(chunk) < 0) chunks.push(chunk);
    }
    var ticket = asked;
    loadAll(chunks, function () {
      if (ticket !== asked) return;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      for (var i = 0; i < shown.length; i++) {
        var entry = loaded["e-" + Math.floor(shown[i] / manifest.chunk)][shown[i] % manifest.chunk];
        var item = document.createElement("li");
        item.id = "search-option-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-href", root + entry[3]);
        var title = document.createElement("span");
        title.className = "result-title";
        title.textContent = entry[0];
        var meta = document.createElement("span");
        meta.className = "result-meta";
        meta.textContent = entry[1] + " · " + entry[2];
        item.appendChild(title);
        item.appendChild(meta);
        list.appendChild(item);
      }
      count.textContent = !words.length ? "Type two letters or more" : hits.length === 0 ? "No matches" : hits.length + (hits.length === 1 ? " result" : " results") + (hits.length > shown.length ? ", the first " + shown.length + " shown" : "");
      panel.hidden = false;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
    });
  }
  function show() {
    var ticket = ++asked;
    if (!input.value.trim()) {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      return;
    }
    var words = wordsOf(input.value);
    load("manifest", function () {
      var shards = [];
      for (var i = 0; i < words.length; i++) {
        var shard = shardOf(words[i]);
        if (loaded.manifest.shards.indexOf(shard) >= 0) shards.push("w-" + shard);
      }
      loadAll(shards, function () {
        if (ticket === asked) render(words.length ? rank(words) : [], words);
      });
    });
  }
  if (input && list) {
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Escape") {
        input.value = "";
        show();
      } else if (event.key === "Enter") {
        var options = list.querySelectorAll('[role="option"]');
        if (!panel.hidden && options.length) open(options[Math.max(active, 0)]);
      }
    });
    list.addEventListener("click", function (event) {
      for (var node = event.target; node && node !== list; node = node.parentNode) if (node.getAttribute("role") === "option") return open(node);
    });
  }

  // Version switcher: jump to the version's changelog entry.
  var versions = document.getElementById("version-switcher");
  if (versions) versions.addEventListener("change", function () { location.hash = versions.value; });

  // Schema explorer: a `$ref` is rendered once, in the page's schema section; opening a reference
  // copies that rendering in place, without its ids (they stay the section's). The copy's own
  // references expand the same way when opened, so a recursive schema costs one level per click.
  function expand(ref) {
    if (ref.getAttribute("data-expanded")) return;
    ref.setAttribute("data-expanded", "true");
    var target = document.getElementById(ref.getAttribute("data-ref").slice(1));
    if (!target) return;
    var parts = [];
    var head = target.querySelector(":scope > details > summary, :scope > .schema-leaf");
    if (head) parts = Array.prototype.slice.call(head.querySelectorAll(":scope > .constraint, :scope > .desc"));
    var children = target.querySelector(":scope > details > .schema-children");
    if (children) parts.push(children);
    for (var i = 0; i < parts.length; i++) {
      var copy = parts[i].cloneNode(true);
      copy.removeAttribute("id");
      var named = copy.querySelectorAll("[id]");
      for (var j = 0; j < named.length; j++) named[j].removeAttribute("id");
      ref.appendChild(copy);
    }
  }
  // `toggle` does not bubble: listen while it descends.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.classList && details.classList.contains("schema-ref")) expand(details);
  }, true);

  // The sidebar starts open where it has room beside the page; on a phone it folds away once a link is taken.
  var sidebar = document.getElementById("sidebar");
  var wide = window.matchMedia("(min-width: 1000px)");
  if (sidebar) {
    sidebar.open = wide.matches;
    wide.addEventListener("change", function () { sidebar.open = wide.matches; });
    sidebar.addEventListener("click", function (event) {
      if (event.target.tagName === "A" && !wide.matches) sidebar.open = false;
    });
  }

  // References at the root of an explorer (a payload, a body) open by themselves, as each comes
  // near the screen: a page of a thousand operations copies only what is read.
  var opening = document.querySelectorAll("details.schema-ref[data-open]");
  if (opening.length && window.IntersectionObserver) {
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (!entries[i].isIntersecting) continue;
        observer.unobserve(entries[i].target);
        expand(entries[i].target);
        entries[i].target.open = true;
      }
    }, { rootMargin: "400px" });
    for (var k = 0; k < opening.length; k++) observer.observe(opening[k]);
  }

  // A deep link into a collapsed schema opens the <details> around its target.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) if (node.tagName === "DETAILS") node.open = true;
    target.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
