/* The site's behaviour, in place of Material's bundle:
 * palette toggle, menu button, heading links that copy, language switch that
 * keeps the #section, and search (lunr) loaded when the reader reaches for it. Strings come from #site-strings. */
(function () {
  "use strict";
  var doc = document.documentElement;
  doc.classList.remove("no-js");
  doc.classList.add("js");
  var T = JSON.parse(document.getElementById("site-strings").textContent);
  var script = document.currentScript;
  var ROOT = new URL("..", script.src); // site.js lives in <root>/assets/

  /* A polite live region: what the copy and search controls announce. */
  var live = document.createElement("div");
  live.className = "site-sr-only";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  document.body.appendChild(live);
  function announce(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }

  /* Palette: 0 follows the system, 1 light, 2 dark (applied early by an inline script). */
  function setupPalette() {
    var box = document.querySelector(".site-palette");
    if (!box) return;
    var button = box.querySelector("button");
    var names = button.getAttribute("data-palette-names").split("|");
    var media = matchMedia("(prefers-color-scheme: dark)");
    function apply(i) {
      var dark = i === 2 || (i === 0 && media.matches);
      document.body.setAttribute("data-md-color-scheme", dark ? "slate" : "default");
      document.body.setAttribute("data-palette", i);
      button.setAttribute("aria-label", names[i]);
      button.setAttribute("title", names[i]);
      box.querySelectorAll("[data-palette-icon]").forEach(function (el) {
        el.hidden = el.getAttribute("data-palette-icon") !== String(i);
      });
    }
    var current = Number(document.body.getAttribute("data-palette")) || 0;
    apply(current);
    box.hidden = false;
    button.addEventListener("click", function () {
      current = (current + 1) % names.length;
      try { localStorage.setItem("site.palette", JSON.stringify(current)); } catch (e) { /* private mode */ }
      apply(current);
    });
    media.addEventListener("change", function () { if (current === 0) apply(0); });
  }

  /* Copy link: on every section heading and quote, the full URL with its #anchor. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  /* One control per heading and quote: the heading's own "#" permalink (a plain
     link, so it works without JavaScript and newsletter editors can link to it)
     also copies the full URL, and is named in the page's language. Quotes get
     the same link, made here. */
  function setupCopyLinks() {
    var targets = document.querySelectorAll("article h1[id], article h2[id], article h3[id], article h4[id], article figure.quote[id]");
    targets.forEach(function (el) {
      var isQuote = el.tagName === "FIGURE";
      var link = isQuote ? null : el.querySelector("a.headerlink");
      if (!link) {
        link = document.createElement("a");
        link.className = "headerlink";
        link.href = "#" + el.id;
        link.textContent = "#";
        var caption = el.querySelector(":scope > figcaption");
        (caption || el).appendChild(document.createTextNode(" "));
        (caption || el).appendChild(link);
      }
      link.setAttribute("data-copy-link", el.id);
      link.setAttribute("aria-label", isQuote ? T["copy_link_quote"] : T["copy_link_to"]);
      link.title = T["copy_link"];
      link.addEventListener("click", function (e) {
        if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return; /* new tab, etc. */
        e.preventDefault();
        var url = location.origin + location.pathname + "#" + el.id;
        history.replaceState(null, "", "#" + el.id);
        updateLanguageLinks();
        copyText(url).then(function () {
          var done = el.querySelector(".site-copy-link__done");
          if (!done) {
            done = document.createElement("span");
            done.className = "site-copy-link__done";
            done.setAttribute("aria-hidden", "true"); /* the live region says it */
            link.after(done);
          }
          done.textContent = T["copied"];
          done.hidden = false;
          announce(T["copied"]);
          setTimeout(function () { done.hidden = true; }, 2000);
        });
      });
    });
  }

  /* The menu below the desktop width: Material's drawer, opened by a real button.
     Closed, the drawer's links leave the tab order (inert); open, focus moves
     into it; Escape closes it and returns focus to the button. */
  /* Material's header is used as it is; the two controls this site adds are
   * made here, since both need this script anyway: a real menu button beside
   * Material's drawer label (which Tab cannot reach), and the search button. */
  function addHeaderButtons() {
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (label) {
      label.classList.add("site-menu-label");
      var menu = document.createElement("button");
      menu.type = "button";
      menu.className = "md-header__button md-icon site-menu-button";
      menu.setAttribute("aria-expanded", "false");
      menu.setAttribute("aria-label", T["menu"]);
      menu.hidden = true;
      menu.innerHTML = label.innerHTML; /* the theme's menu icon */
      label.after(menu);
    }
    var nav = document.querySelector(".md-header__inner");
    if (nav) {
      var search = document.createElement("button");
      search.type = "button";
      search.className = "md-header__button md-icon site-search-open";
      search.setAttribute("aria-label", T["search.label"]);
      search.setAttribute("aria-haspopup", "dialog");
      search.setAttribute("aria-keyshortcuts", "/");
      search.hidden = true;
      search.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
      nav.insertBefore(search, nav.querySelector(".md-header__source"));
    }
  }

  function setupMenu() {
    var button = document.querySelector(".site-menu-button");
    var toggle = document.getElementById("__drawer");
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!button || !toggle || !drawer) return;
    drawer.id = drawer.id || "site-drawer";
    button.setAttribute("aria-controls", drawer.id);
    button.hidden = false;
    var desktop = matchMedia("(min-width: 76.25em)"); /* Material's drawer breakpoint */
    function sync() {
      var open = toggle.checked && !desktop.matches;
      button.setAttribute("aria-expanded", String(open));
      drawer.inert = !desktop.matches && !open;
    }
    function setOpen(open, returnFocus) {
      toggle.checked = open;
      sync();
      if (open) {
        /* The first page link that can take focus (Material hides the current
         * page's link when its table of contents hangs from it), else any link. */
        var links = [].slice.call(drawer.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link[href]"))
          .concat([].slice.call(drawer.querySelectorAll(".md-nav__list a[href]")));
        for (var i = 0; i < links.length; i++) {
          links[i].focus();
          if (document.activeElement === links[i]) break;
        }
      } else if (returnFocus) {
        button.focus();
      }
    }
    /* The checkbox has no autocomplete="off" (not allowed on a checkbox, see
     * explainer/theme.py): a page shown again (back, forward) starts closed. */
    toggle.checked = false;
    window.addEventListener("pageshow", function (e) { if (e.persisted) { toggle.checked = false; sync(); } });
    button.addEventListener("click", function () { setOpen(!toggle.checked, false); });
    toggle.addEventListener("change", sync); /* the overlay and drawer title are labels too */
    desktop.addEventListener("change", function () { if (desktop.matches) toggle.checked = false; sync(); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.checked && !desktop.matches) { e.preventDefault(); setOpen(false, true); }
    });
    /* Tabbing out of the open drawer closes it, so focus never sits under the overlay. */
    drawer.addEventListener("focusout", function (e) {
      if (toggle.checked && e.relatedTarget && !drawer.contains(e.relatedTarget) && e.relatedTarget !== button) setOpen(false, false);
    });
    sync();
  }

  /* Newsletter kit: copy a ready-to-paste summary (plain text or HTML source). */
  function setupCopyButtons() {
    document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        var target = document.getElementById(button.getAttribute("data-copy-target"));
        copyText(target.textContent).then(function () {
          button.textContent = T["copied_text"];
          announce(T["copied_text"]);
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  /* The language switch keeps the reader on the same section. */
  function updateLanguageLinks() {
    document.querySelectorAll("a[data-lang-switch]").forEach(function (a) {
      var base = a.getAttribute("href").split("#")[0];
      a.setAttribute("href", base + location.hash);
    });
  }

  /* Search: lunr (lunrjs.com) over one small index per language, written by the
     build (scripts/explainer/search.py). Nothing loads until the reader shows
     intent: hovering or focusing the search button, or pressing "/". Then one
     script (lunr, plus lunr-languages' stemmer for Spanish) and one index; the
     index is built here in a few milliseconds. Each word is indexed under two
     keys, its stem folded and the stem of its folded form, so "computo",
     "cómputo" and "cómputos" meet; the query takes the second key of each word,
     with a trailing wildcard so results come while the reader types. */
  var LANG = doc.lang || "en"; /* the build names the files by <html lang> */
  var BASE_LANG = LANG.split("-")[0].toLowerCase(); /* lunr-languages by language: pt-BR is pt */
  var SEARCH = new URL("search/", ROOT);
  var WORD = /[\p{L}\p{N}]+/gu;
  var engine = null;
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src;
      el.onload = resolve;
      el.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(el);
    });
  }
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function buildEngine(data) {
    var L = window.lunr;
    var own = BASE_LANG !== "en" && L[BASE_LANG] ? L[BASE_LANG] : null;
    var stemmer = own ? own.stemmer : L.stemmer;
    var stopWord = own ? own.stopWordFilter : L.stopWordFilter;
    function stem(word) { return stemmer(new L.Token(word, {})).toString(); }
    function isStopWord(word) { return !stopWord(new L.Token(word, {})); }
    function keys(word) { var a = fold(stem(word)), b = stem(fold(word)); return a === b ? [a] : [a, b]; }
    var keyCache = Object.create(null); /* a word's keys, for the excerpts */
    function expand(token) {
      var word = token.toString();
      if (isStopWord(word)) return null;
      return keys(word).map(function (k) { return token.clone(function () { return k; }); });
    }
    L.Pipeline.registerFunction(expand, "site-expand");
    var bodies = data.sections.map(function () { return []; });
    data.words.split("\n").forEach(function (line) {
      var space = line.indexOf(" "), word = line.slice(0, space), k = 0;
      line.slice(space + 1).split(".").forEach(function (gap) { k += parseInt(gap, 36); bodies[k].push(word); });
    });
    var idx = L(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(expand);
      this.ref("k");
      this.field("title", { boost: 3 });
      this.field("body");
      var builder = this;
      data.sections.forEach(function (s, k) {
        builder.add({ k: String(k), title: (s[2].toLowerCase().match(WORD) || []).join(" "), body: bodies[k].join(" ") });
      });
    });
    return {
      data: data,
      texts: {},
      /* The query's words, as the index keys them; stop words dropped. */
      terms: function (query) {
        var seen = {};
        return (query.toLowerCase().match(WORD) || []).filter(function (w) { return !isStopWord(w); })
          .map(function (w) { return stem(fold(w)); })
          .filter(function (t) { return t && !seen[t] && (seen[t] = true); });
      },
      /* Every matching page, best first, each with its matching sections, best first. */
      search: function (terms) {
        if (!terms.length) return [];
        var hits = idx.query(function (q) {
          terms.forEach(function (t) {
            /* a single letter would expand to hundreds of words: whole words only */
            q.term(t, { usePipeline: false, wildcard: t.length > 1 ? L.Query.wildcard.TRAILING : L.Query.wildcard.NONE, presence: L.Query.presence.REQUIRED });
            q.term(t, { usePipeline: false, boost: 5 }); /* the whole word ranks above a longer one */
          });
        });
        var groups = [], byPage = {};
        hits.forEach(function (hit) {
          var k = Number(hit.ref), pageNo = data.sections[k][0];
          if (!byPage[pageNo]) groups.push(byPage[pageNo] = { page: pageNo, sections: [] });
          byPage[pageNo].sections.push(k);
        });
        return groups;
      },
      matches: function (word, terms) {
        var lower = word.toLowerCase(), ks = keyCache[lower] || (keyCache[lower] = keys(lower));
        return terms.some(function (t) { return ks.some(function (k) { return k.lastIndexOf(t, 0) === 0; }); });
      }
    };
  }
  function loadEngine() {
    if (!engine) {
      engine = Promise.all([
        loadScript(new URL("lunr-" + LANG + ".js", SEARCH).href),
        fetch(new URL(LANG + ".json", SEARCH).href).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      ]).then(function (loaded) { return buildEngine(loaded[1]); });
      engine.catch(function () { engine = null; }); /* offline: try again next time */
    }
    return engine;
  }
  /* A section's text (for its excerpt), fetched once. */
  function sectionText(eng, k) {
    if (!eng.texts[k]) {
      eng.texts[k] = fetch(new URL(LANG + "/" + k + ".txt", SEARCH).href).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      });
      eng.texts[k].catch(function () { delete eng.texts[k]; });
    }
    return eng.texts[k];
  }
  /* About 24 words around the first match, every match in <mark>; text nodes only. */
  function fillExcerpt(el, text, eng, terms) {
    var words = [], m, first = -1;
    WORD.lastIndex = 0;
    /* Read words up to the first match and 16 beyond: all an excerpt shows. */
    while ((m = WORD.exec(text)) && (first < 0 || words.length < first + 16)) {
      var hit = eng.matches(m[0], terms);
      if (hit && first < 0) first = words.length;
      words.push({ start: m.index, end: m.index + m[0].length, hit: hit });
    }
    if (!words.length) return;
    var more = m !== null;
    var from = Math.max(0, first - 8), to = Math.min(words.length, from + 24);
    var pos = words[from].start;
    el.textContent = from > 0 ? "… " : "";
    for (var w = from; w < to; w++) {
      if (!words[w].hit) continue;
      el.appendChild(document.createTextNode(text.slice(pos, words[w].start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(words[w].start, words[w].end);
      el.appendChild(mark);
      pos = words[w].end;
    }
    var cut = to < words.length || more;
    el.appendChild(document.createTextNode(text.slice(pos, cut ? words[to - 1].end : text.length) + (cut ? " …" : "")));
  }
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

  addHeaderButtons();
  setupPalette();
  setupMenu();
  setupCopyLinks();
  setupCopyButtons();
  updateLanguageLinks();
  window.addEventListener("hashchange", updateLanguageLinks);
  setupSearch();
})();
