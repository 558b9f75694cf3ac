"""MkDocs hook: marks links to other sites as external and safe to open; lists
the addresses of a page's links for print (explainer.content); names every table."""
import re

EXTERNAL_LINK = re.compile(r'<a href="(https?://[^"]+)"(?![^>]*\brel=)')


def on_page_content(html, page, config, files):
    # rel=noopener noreferrer: the other site gets no handle on this tab nor the
    # full URL; "external" lets CSS and screen-reader text mark the link.
    html = EXTERNAL_LINK.sub(r'<a href="\1" rel="external noopener noreferrer"', html)
    from html import escape

    from explainer import page_language
    from explainer.content import caption_tables, print_links
    from explainer.data import load_ui
    from explainer.report import page_issue_url, page_mail_url

    lang = page_language(page)
    html = caption_tables(html, page.file.abs_src_path)
    # The prefilled "report an error" form and e-mail (sources/, updates/:
    # hooks/facts.py put them in): long addresses of no use on paper, so print
    # leaves them out (the e-mail's link text is the address itself).
    report = frozenset(escape(url) for url in (page_issue_url(page, config), page_mail_url(page, config)) if url)
    return print_links(html, config.site_url + page.url, load_ui()[lang]["print.links"], report)
