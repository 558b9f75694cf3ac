"""One error type for bad input: it names the file, the line where known, and the fix."""
from __future__ import annotations

from pathlib import Path

from . import ROOT


class ContentError(Exception):
    """Bad input found in the project's files; the build stops with this message."""

    def __init__(self, path: Path | str | None, message: str, line: int | None = None):
        self.path = Path(path) if path else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            try:
                where = str(self.path.resolve().relative_to(ROOT))
            except ValueError:
                where = str(self.path)
            if self.line:
                where += f":{self.line}"
            where += ": "
        return where + self.message

    @classmethod
    def group(cls, errors: list["ContentError"]) -> "ContentError":
        """Several problems reported as one error, one per line."""
        if len(errors) == 1:
            return errors[0]
        return cls(None, f"{len(errors)} problems:\n  " + "\n  ".join(str(e) for e in errors))
