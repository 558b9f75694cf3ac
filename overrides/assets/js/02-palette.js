/* The colour scheme button: follows the system, light or dark, remembered. */
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
