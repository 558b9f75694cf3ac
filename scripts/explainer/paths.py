"""Where things are. Imports nothing of the package, so that any module may use it.

The project the library builds (mkdocs.yml, docs/, data/, overrides/, .cache/) is
named by the environment variable EXPLAINER_PROJECT, which the entry points set
before they import the library: the MkDocs hooks to the folder of the mkdocs.yml
being built, scripts/build.py and scripts/review.py to the folder holding the
scripts/ they were run from. Without it, the folder this library sits in. So a
copy of the content with scripts/ linked to one library is a project of its own
(the tests' bad-input copies are made so: tests/conftest.py, devtools/harness.py).
"""
import os
from pathlib import Path

PROJECT_VARIABLE = "EXPLAINER_PROJECT"
LIBRARY = Path(__file__).resolve().parent     # scripts/explainer/: the code, its fonts and templates
ROOT = Path(os.environ.get(PROJECT_VARIABLE) or LIBRARY.parents[1]).resolve()
DOCS = ROOT / "docs"
DATA_FILE = ROOT / "data" / "facts.yml"
UI_FILE = ROOT / "data" / "ui.yml"
CONFIG_FILE = ROOT / "mkdocs.yml"
