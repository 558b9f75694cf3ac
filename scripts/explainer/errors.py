"""One error type for bad input: it names the file, the line where known, and the fix."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import ROOT


class ContentError(PluginError):
    """Bad input found in the project's files; the build stops with this message.

    A PluginError, so that `mkdocs build` and `mkdocs serve` print it as one line
    (`docs/x.en.md:14: unknown fact …`) and stop, instead of a traceback.
    """

    def __init__(self, path: Path | str | None, message: str, line: int | None = None):
        self.path = Path(path) if path else None
        self.line = line
        self.errors = [self]   # the problems it stands for: itself, or those of a group
        super().__init__(self.where() + message)  # ClickException keeps it as .message, MkDocs logs str()

    def where(self) -> str:
        """"docs/x.en.md:14: ", relative to the project when inside it; "" without a file."""
        if not self.path:
            return ""
        try:
            where = str(self.path.resolve().relative_to(ROOT))
        except ValueError:
            where = str(self.path)
        return f"{where}:{self.line}: " if self.line else f"{where}: "

    def __str__(self) -> str:
        return self.message

    @classmethod
    def behind(cls, exc: BaseException | None) -> "ContentError | None":
        """The ContentError that caused `exc`, if any: MkDocs turns a hook's error into
        its own Abort, keeping the hook's error as the exception's context. (Matched by
        name too: under `mkdocs serve` the library may have been reloaded since.)"""
        while exc is not None and not (isinstance(exc, cls) or type(exc).__name__ == cls.__name__):
            exc = exc.__cause__ or exc.__context__
        return exc

    @classmethod
    def group(cls, errors: list["ContentError"]) -> "ContentError":
        """Several problems reported as one error, one per line."""
        errors = [e for error in errors for e in getattr(error, "errors", [error])]
        if len(errors) == 1:
            return errors[0]
        grouped = cls(None, f"{len(errors)} problems:\n  " + "\n  ".join(str(e) for e in errors))
        grouped.errors = errors
        return grouped
