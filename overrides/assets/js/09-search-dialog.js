/* The search dialog: the button, the field, the results and their excerpts, by keyboard or pointer. */
function setupSearch() {
  var opener = document.querySelector(".site-search-open");
  if (!opener) return;
  opener.hidden = false;
  var dialog = document.createElement("dialog");
  dialog.className = "site-search";
  dialog.setAttribute("aria-labelledby", "site-search-title");
  dialog.innerHTML =
    '<div class="site-search__box">' +
    '<h2 id="site-search-title" class="site-sr-only"></h2>' +
    '<div class="site-search__bar"><label for="site-search-input" class="site-sr-only"></label>' +
    '<input id="site-search-input" type="search" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="site-search-results">' +
    '<button type="button" class="site-search__close"></button></div>' +
    '<p class="site-search__status" id="site-search-status" role="status" aria-live="polite"></p>' +
    '<ul id="site-search-results" class="site-search__results" role="listbox"></ul></div>';
  document.body.appendChild(dialog);
  var input = dialog.querySelector("input");
  var status = dialog.querySelector(".site-search__status");
  var list = dialog.querySelector("ul");
  var close = dialog.querySelector(".site-search__close");
  dialog.querySelector("h2").textContent = T["search.label"];
  dialog.querySelector("label").textContent = T["search.label"];
  list.setAttribute("aria-label", T["search.label"]);
  input.placeholder = T["search.placeholder"];
  input.setAttribute("aria-describedby", "site-search-status");
  close.textContent = "×";
  close.setAttribute("aria-label", T["search.close"]);
  var active = -1, seq = 0, ready = false;

  function options() { return list.querySelectorAll("[role=option]"); }
  function setActive(i) {
    var opts = options();
    if (!opts.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
    active = (i + opts.length) % opts.length;
    opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
    opts[active].scrollIntoView({ block: "nearest" });
  }
  var EXCERPTS_AT_ONCE = 5; /* pages whose excerpt loads with the results; the others as they scroll into view */
  var seen = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) { seen.unobserve(e.target); e.target.loadExcerpt(); } });
  }, { root: list }) : null;
  function option(k, href, parts) {
    var li = document.createElement("li");
    li.id = "site-search-option-" + k;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    var a = document.createElement("a");
    a.href = href;
    a.tabIndex = -1;
    parts.forEach(function (p) {
      var span = document.createElement("span");
      span.className = p[0];
      span.textContent = p[1];
      a.appendChild(span);
    });
    li.appendChild(a);
    li.addEventListener("click", function () { dialog.close(); });
    return li;
  }
  /* One entry per matching page (the true count), best first: its best
     section with an excerpt, then up to two more of its matching sections. */
  function render(eng, groups, terms, query) {
    list.innerHTML = "";
    list.setAttribute("data-query", query);
    list.removeAttribute("data-excerpts");
    if (seen) seen.disconnect();
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (!query) { status.textContent = T["search.type"]; input.setAttribute("aria-expanded", "false"); return; }
    if (!groups.length) { status.textContent = T["search.none"].replace("{query}", query); input.setAttribute("aria-expanded", "false"); return; }
    var data = eng.data, n = 0, pending = [];
    groups.forEach(function (g, rank) {
      var page = data.pages[g.page];
      g.sections.slice(0, 3).forEach(function (k, i) {
        var s = data.sections[k], parts = [];
        if (i === 0) parts.push(["site-search__title", page[1]]);
        else parts.push(["site-sr-only", page[1] + ": "]);
        if (s[2] !== page[1] || i > 0) parts.push(["site-search__section", s[2]]);
        if (i === 0) parts.push(["site-search__excerpt", ""]);
        var li = option(n++, new URL(page[0], ROOT).pathname + "#" + s[1], parts);
        if (i > 0) li.className = "site-search__more";
        list.appendChild(li);
        if (i > 0) return;
        var excerpt = li.querySelector(".site-search__excerpt");
        li.loadExcerpt = function () {
          return sectionText(eng, k).then(function (text) { fillExcerpt(excerpt, text, eng, terms); }, function () { /* the links still work */ });
        };
        if (rank < EXCERPTS_AT_ONCE || !seen) pending.push(li.loadExcerpt());
        else seen.observe(li);
      });
    });
    input.setAttribute("aria-expanded", "true");
    status.textContent = groups.length === 1 ? T["search.one"] : T["search.many"].replace("{count}", groups.length);
    Promise.all(pending).then(function () { if (list.getAttribute("data-query") === query) list.setAttribute("data-excerpts", query); });
  }
  function run() {
    var query = input.value.trim();
    var mine = ++seq;
    if (!query) { render(null, [], [], ""); return; }
    if (!ready) status.textContent = T["search.loading"];
    loadEngine().then(function (eng) {
      ready = true;
      if (mine !== seq) return;
      var terms = eng.terms(query);
      render(eng, eng.search(terms), terms, query);
    }).catch(function () { if (mine === seq) status.textContent = T["search.offline"]; });
  }
  function open() {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    if (!input.value) status.textContent = T["search.type"];
    loadEngine();
  }
  /* Intent to search: start loading before the click. */
  opener.addEventListener("pointerenter", loadEngine);
  opener.addEventListener("focus", loadEngine);
  opener.addEventListener("click", open);
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { opener.focus(); });
  dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  input.addEventListener("input", run); /* a query takes milliseconds once the index is in */
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { e.preventDefault(); setActive(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
    else if (e.key === "Enter") {
      var opts = options();
      if (opts.length) { e.preventDefault(); var link = opts[Math.max(active, 0)].querySelector("a"); dialog.close(); location.href = link.href; }
    }
  });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && tag !== "input" && tag !== "textarea" && !e.target.isContentEditable) {
      e.preventDefault();
      open();
    }
  });
}
