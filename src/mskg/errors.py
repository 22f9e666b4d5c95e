"""One exception family for everything mskg refuses; only the CLI turns it into text.

Exit codes (documented in the README): 0 ok, 1 data does not conform to the shapes,
2 bad input or usage, 3 a store or endpoint is unavailable, 4 the shapes themselves are broken.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_BAD_INPUT = 2
EXIT_STORE_UNAVAILABLE = 3
EXIT_BROKEN_SHAPES = 4


class MskgError(Exception):
    """Base of every error mskg reports to a user; carries where the problem is."""

    exit_code = EXIT_BAD_INPUT

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def location(self) -> str:
        """`file:line:column`, as much of it as is known, or an empty string."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def one_line(self) -> str:
        """The single line the CLI prints: location first, then the message, no newlines."""
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return " ".join(text.split())


class InputError(MskgError):
    """A file or argument that cannot be read or understood (exit 2)."""


class UnknownTermError(InputError):
    """A drug, cell or other name the ontology does not know (exit 2)."""


class QueryError(InputError):
    """A saved or user query that is missing, malformed, or not allowed (exit 2)."""


class NonConformingError(MskgError):
    """Data that violates the SHACL shapes (exit 1); carries the readable report."""

    exit_code = EXIT_NONCONFORMING


class BrokenShapesError(MskgError):
    """The shapes graph itself cannot be parsed or used (exit 4)."""

    exit_code = EXIT_BROKEN_SHAPES


class StoreUnavailableError(MskgError):
    """A store is locked or an endpoint is down, slow, or answering nonsense (exit 3)."""

    exit_code = EXIT_STORE_UNAVAILABLE
