"""What lasts for a whole `mkdocs serve` session. MkDocs loads the hook files
afresh for every rebuild (a new module, new globals), but a module they import
stays loaded: this one. Set once by on_startup."""

serving = False   # True under `mkdocs serve`: errors are shown in the browser, byte-shrinking steps skipped
library_version = None   # the build library's files and their dates at the last rebuild (hooks/facts.py)
