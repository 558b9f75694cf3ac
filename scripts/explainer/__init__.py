"""The explainer's build library: facts data, formatting, checks and post-build steps.

The MkDocs hooks in ``scripts/hooks/`` and ``scripts/build.py`` import from here,
so each piece of logic exists once.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA_FILE = ROOT / "data" / "facts.yml"
UI_FILE = ROOT / "data" / "ui.yml"
LANGS = ("es", "en")          # the first is the default language, served at /
DEFAULT_LANG = LANGS[0]
