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

  // Search over window.CHARTER_SEARCH (search-index.js): words must all occur in the title or
  // contract; titles that start with the query rank first.
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var index = window.CHARTER_SEARCH || [];
  var LIMIT = 30;
  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var entry = index[i];
      var title = entry.title.toLowerCase();
      var haystack = title + " " + entry.contract.toLowerCase() + " " + entry.kind;
      var all = true;
      for (var w = 0; w < words.length; w++) if (haystack.indexOf(words[w]) < 0) { all = false; break; }
      if (!all) continue;
      var last = title.split(".").pop();
      var score = last === words[0] ? 0 : title.indexOf(words[0]) === 0 ? 1 : title.indexOf(words[0]) >= 0 ? 2 : 3;
      hits.push({ entry: entry, score: score });
    }
    hits.sort(function (a, b) { return a.score - b.score || a.entry.title.length - b.entry.title.length; });
    return hits.slice(0, LIMIT).map(function (h) { return h.entry; });
  }
  function show() {
    var results = search(input.value);
    list.textContent = "";
    for (var i = 0; i < results.length; i++) {
      var entry = results[i];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + entry.href;
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = entry.title;
      var meta = document.createElement("span");
      meta.className = "result-meta";
      meta.textContent = entry.kind + " · " + entry.contract;
      link.appendChild(title);
      link.appendChild(meta);
      item.appendChild(link);
      list.appendChild(item);
    }
    if (input.value.trim() && !results.length) {
      var none = document.createElement("li");
      none.className = "result-none";
      none.textContent = "No matches";
      list.appendChild(none);
    }
    list.hidden = !input.value.trim();
  }
  if (input && list) {
    input.addEventListener("input", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; show(); }
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) first.click();
      }
    });
    // Searching from a page and following a result to the same page only changes the hash.
    list.addEventListener("click", function () { list.hidden = true; });
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
