/* The newsletter kit's copy buttons. */
/* Each copies a ready-to-paste summary: plain text or HTML source. */
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
