/* The menu below the desktop width: Material's drawer, opened and closed from the keyboard. */
/* Closed, the drawer's links leave the tab order (inert); open, focus moves
   into it; Escape closes it and returns focus to the button. */
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
  window.addEventListener("pageshow", function (e) { if (e.persisted) setOpen(false, false); });
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
