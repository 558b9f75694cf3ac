"""Where the project's files are: the folder this library sits in (scripts/explainer/
is two levels down). Imports nothing of the package, so that any module may use it."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DATA_FILE = ROOT / "data" / "facts.yml"
UI_FILE = ROOT / "data" / "ui.yml"
CONFIG_FILE = ROOT / "mkdocs.yml"
