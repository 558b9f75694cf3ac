/* The language switch keeps the reader on the same section. */
function updateLanguageLinks() {
  document.querySelectorAll("a[data-lang-switch]").forEach(function (a) {
    var base = a.getAttribute("href").split("#")[0];
    a.setAttribute("href", base + location.hash);
  });
}
