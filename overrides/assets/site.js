/* The site's behaviour, in place of Material's bundle:
 * palette toggle, copy-link buttons, language switch that keeps the #section,
 * and Pagefind search loaded on first use. Strings come from #site-strings. */
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
  function setupCopyLinks() {
    var targets = document.querySelectorAll("article h2[id], article h3[id], article figure.quote[id]");
    targets.forEach(function (el) {
      var isQuote = el.tagName === "FIGURE";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "site-copy-link";
      button.setAttribute("data-copy-link", el.id);
      button.setAttribute("aria-label", (isQuote ? T["copy_link_quote"] : T["copy_link_to"]) + (isQuote ? "" : ": " + el.textContent.replace(/#$/, "").trim()));
      button.title = T["copy_link"];
      button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM8.5 18.4a3.5 3.5 0 0 1-2.5-6l2.1-2.1a1 1 0 0 1 1.4 1.4l-2.1 2.1a1.5 1.5 0 0 0 2.1 2.1l2.1-2.1a1 1 0 1 1 1.4 1.4L11 17.4a3.5 3.5 0 0 1-2.5 1zm6.4-4.6a1 1 0 0 1-.7-1.7l2.1-2.1a1.5 1.5 0 0 0-2.1-2.1l-2.1 2.1a1 1 0 0 1-1.4-1.4L12.8 6.6a3.5 3.5 0 0 1 5 5l-2.1 2.1a1 1 0 0 1-.8.1z"/></svg><span class="site-copy-link__done" hidden></span>';
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname + "#" + el.id;
        copyText(url).then(function () {
          var done = button.querySelector(".site-copy-link__done");
          done.textContent = T["copied"];
          done.hidden = false;
          announce(T["copied"]);
          history.replaceState(null, "", "#" + el.id);
          updateLanguageLinks();
          setTimeout(function () { done.hidden = true; }, 2000);
        });
      });
      if (isQuote) {
        var caption = el.querySelector("figcaption");
        (caption || el).appendChild(button);
      } else {
        el.appendChild(button);
      }
    });
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

  setupPalette();
  setupCopyLinks();
  setupCopyButtons();
  updateLanguageLinks();
  window.addEventListener("hashchange", updateLanguageLinks);
  setupSearch();
})();
