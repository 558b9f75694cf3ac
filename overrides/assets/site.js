/* The site's behaviour, in place of Material's bundle:
 * palette toggle, menu button, heading links that copy, language switch that
 * keeps the #section, and Pagefind search loaded on first use. Strings come from #site-strings. */
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

  /* Search: Pagefind, loaded the first time the dialog opens. */
  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        return pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }
  function bestSection(data) {
    var best = null, bestScore = -1;
    (data.sub_results || []).forEach(function (sub) {
      var score = (sub.weighted_locations || []).reduce(function (s, w) { return s + w.balanced_score; }, 0);
      if (score > bestScore) { best = sub; bestScore = score; }
    });
    return best;
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
    var active = -1, timer = null, seq = 0;

    function options() { return list.querySelectorAll("[role=option]"); }
    function setActive(i) {
      var opts = options();
      if (!opts.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    }
    function render(items, query) {
      list.innerHTML = "";
      list.setAttribute("data-query", query);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query) { status.textContent = T["search.type"]; input.setAttribute("aria-expanded", "false"); return; }
      if (!items.length) { status.textContent = T["search.none"].replace("{query}", query); input.setAttribute("aria-expanded", "false"); return; }
      items.forEach(function (item, k) {
        var li = document.createElement("li");
        li.id = "site-search-option-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var a = document.createElement("a");
        a.href = item.url;
        a.tabIndex = -1;
        var title = document.createElement("span");
        title.className = "site-search__title";
        title.textContent = item.title;
        a.appendChild(title);
        if (item.section && item.section !== item.title) {
          var section = document.createElement("span");
          section.className = "site-search__section";
          section.textContent = item.section;
          a.appendChild(section);
        }
        var excerpt = document.createElement("span");
        excerpt.className = "site-search__excerpt";
        excerpt.innerHTML = item.excerpt; /* Pagefind escapes the text and adds only <mark> */
        a.appendChild(excerpt);
        li.appendChild(a);
        li.addEventListener("click", function () { dialog.close(); });
        list.appendChild(li);
      });
      input.setAttribute("aria-expanded", "true");
      status.textContent = items.length === 1 ? T["search.one"] : T["search.many"].replace("{count}", items.length);
    }
    function run() {
      var query = input.value.trim();
      var mine = ++seq;
      if (!query) { render([], ""); return; }
      status.textContent = T["search.loading"];
      loadPagefind().then(function (pf) { return pf.search(query); }).then(function (search) {
        return Promise.all(search.results.slice(0, 8).map(function (r) { return r.data(); }));
      }).then(function (datas) {
        if (mine !== seq) return;
        render(datas.map(function (d) {
          var sub = bestSection(d);
          return {
            url: sub ? sub.url : d.url,
            title: d.meta.title,
            section: sub ? sub.title : "",
            excerpt: sub ? sub.excerpt : d.excerpt
          };
        }), query);
      }).catch(function () { status.textContent = T["search.offline"]; });
    }
    function open() {
      if (dialog.open) return;
      dialog.showModal();
      input.focus();
      input.select();
      if (!input.value) status.textContent = T["search.type"];
      loadPagefind();
    }
    opener.addEventListener("click", open);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { opener.focus(); });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
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
