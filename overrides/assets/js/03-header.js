/* The header's two controls made here: a real menu button and the search button. */
/* Material's header is used as it is; the menu button sits beside Material's
 * drawer label, which Tab cannot reach. */
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
