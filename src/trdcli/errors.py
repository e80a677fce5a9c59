"""Exit codes and the one exception family the CLI turns into a single stderr line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2  # Click's own code for a bad option or argument
    UNKNOWN_NAME = 3  # a treatment or term that does not resolve, or resolves to several
    BAD_CATALOGUE = 4  # a catalogue file that is missing, unreadable or invalid
    CANNOT_WRITE = 5  # -o FILE exists (without --force) or cannot be written
    INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue, located as precisely as the input allows."""

    path: tuple[str | int, ...]
    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    @property
    def field(self) -> str:
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def __str__(self) -> str:
        where = self.file or "<catalogue>"
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.field}: {self.message}" if self.path else f"{where}: {self.message}"


class TrdError(Exception):
    exit_code: ExitCode = ExitCode.USAGE


class UsageError(TrdError):
    exit_code = ExitCode.USAGE


class NameNotFound(TrdError):
    """An unknown or ambiguous name; ``candidates`` are what the user may have meant."""

    exit_code = ExitCode.UNKNOWN_NAME

    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates


class CannotWrite(TrdError):
    exit_code = ExitCode.CANNOT_WRITE


class CatalogueError(TrdError):
    exit_code = ExitCode.BAD_CATALOGUE

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0])
        more = len(problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' * (more > 1)})" if more else ""))
