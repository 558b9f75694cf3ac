"""MkDocs hook: fills each page's facts in, in the page's language (see explainer/pages.py)."""
import _path  # noqa: F401  (puts scripts/ on sys.path)

from explainer.data import load_facts, load_ui
from explainer.pages import render_page


def on_env(env, config, files):
    # Interface strings and site dates for the templates in overrides/.
    env.globals["site_strings"] = load_ui()
    env.globals["site_dates"] = load_facts().site
    return env


def on_page_markdown(markdown, page, config, files):
    return render_page(markdown, page, config)
