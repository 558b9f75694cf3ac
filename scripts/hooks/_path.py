"""Makes scripts/explainer importable from the MkDocs hooks."""
import sys
from pathlib import Path

SCRIPTS = str(Path(__file__).resolve().parents[1])


def ensure() -> None:
    # MkDocs restores sys.path after loading each hook, so a hook that imports
    # later (at build time) calls this first.
    if SCRIPTS not in sys.path:
        sys.path.insert(0, SCRIPTS)


ensure()
