/* Heading and quote links that also copy their full address. */
/* A heading's own "#" permalink stays a plain link (it works without JavaScript,
   and newsletter editors link to it); it is named in the page's language and
   copies the full URL too. Quotes get the same link, made here. */
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
