/* Starts every part once the page is parsed (the script is deferred). */
showOverdueNotice();
addHeaderButtons();
setupPalette();
setupMenu();
setupCopyLinks();
setupCopyButtons();
updateLanguageLinks();
window.addEventListener("hashchange", updateLanguageLinks);
setupSearch();
