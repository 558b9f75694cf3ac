"""Makes scripts/explainer importable from the MkDocs hooks, working on the
project of the mkdocs.yml being built."""
import os
import sys
from pathlib import Path

SCRIPTS = str(Path(__file__).resolve().parents[1])


def ensure() -> None:
    # MkDocs restores sys.path after loading each hook, so a hook that imports
    # later (at build time) calls this first.
    if SCRIPTS not in sys.path:
        sys.path.insert(0, SCRIPTS)


def use_project(config_file: str) -> None:
    """The library works on the folder of the mkdocs.yml being built (explainer/paths.py
    reads EXPLAINER_PROJECT when it is imported). A process that already imported
    it for another project cannot switch: that build runs in its own process."""
    project = Path(config_file).resolve().parent
    os.environ["EXPLAINER_PROJECT"] = str(project)
    paths = sys.modules.get("explainer.paths")
    if paths is not None and paths.ROOT != project:
        raise SystemExit(f"{config_file}: this process already builds {paths.ROOT}; build {project} in a process of its own")


ensure()
