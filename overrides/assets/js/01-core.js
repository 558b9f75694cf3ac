/* Shared by every part: the page's strings, the site root, and a polite live region that announces. */
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

/* Copies text: the clipboard API, else a hidden textarea (used by the copy links and the kit). */
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
