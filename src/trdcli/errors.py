"""Exit codes and the one exception family the CLI turns into a single stderr line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from .text import visible


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2  # Click's own code for a bad option or argument
    UNKNOWN_NAME = 3  # a treatment or term that does not resolve, or resolves to several
    BAD_CATALOGUE = 4  # a catalogue file that is missing, unreadable or invalid
    CANNOT_WRITE = 5  # -o FILE exists (without --force), or the output cannot be written
    INTERNAL = 70  # a bug in trd (EX_SOFTWARE); --debug shows the traceback
    INTERRUPTED = 130  # Ctrl-C
    OUTPUT_CLOSED = 141  # the reader of stdout went away (`trd list | head`): quiet


# Every problem trd reports about a catalogue or history file has one of these codes. They are
# part of trd's contract (`validate --json`, the end of each error line, docs/problems.md):
# scripts and tests match the code, never the wording, which may improve.
PROBLEM_CODES: dict[str, str] = {
    "cannot-read": "the file is missing, a directory, or not readable",
    "too-large": "the file is over the size limit",
    "not-utf8": "the file is not UTF-8 text",
    "binary": "the file holds NUL bytes, so it is binary data, not text",
    "yaml-syntax": "the YAML cannot be parsed",
    "control-character": "a character YAML does not allow (a control character)",
    "tag-not-allowed": "a YAML tag (!!python/..., !include...): files hold plain data only",
    "too-deep": "collections nested deeper than the limit",
    "alias-bomb": "YAML aliases that would expand past the limit",
    "duplicate-key": "the same key twice in one mapping",
    "empty-file": "the file holds no data",
    "not-a-mapping": "the top level (or a block) must be a mapping of fields",
    "wrong-type": "a value of the wrong kind (text where a number belongs...)",
    "not-a-choice": "a value outside the field's allowed words",
    "not-a-date": "a date must be written YYYY-MM-DD (a time of day is refused)",
    "not-finite": "NaN or infinity where a number belongs",
    "too-big": "a number far past any plausible value",
    "unknown-field": "a field the model does not have (often a misspelling)",
    "missing-field": "a required field is absent",
    "duplicate-id": "an id given twice in one file",
    "unknown-id": "an overlay changes an id no earlier file has",
    "duplicate-name": "a name or alias already used by another entry",
    "empty-name": "a name or alias that is empty once normalised",
    "future-date": "a date after today",
    "stale-review": "reviewed more than two years before the catalogue's release",
    "bad-identifier": "a PMID, DOI or URL that is not well formed",
    "no-source": "a statement that cites no source",
    "unknown-source": "a citation of a source id the catalogue lacks",
    "out-of-range": "a number outside its field's range (year, N, percentage, negative count)",
    "low-above-high": "the low end of a range above its high end",
    "not-a-currency": "a currency that is not an ISO 4217 code (USD, GBP, AUD...)",
    "no-catalogue": "--no-default with no --catalog file",
    "unknown-class": "an option names a class the catalogue does not define",
    "set-by-trd": "a field trd fills in itself (from_class), given in a file",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue, located as precisely as the input allows."""

    code: str  # a key of PROBLEM_CODES
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
        what = f"{self.field}: {self.message}" if self.path else self.message
        return visible(f"{where}: {what} [{self.code}]")

    def __post_init__(self) -> None:
        if self.code not in PROBLEM_CODES:  # a programming error, caught by the tests
            raise ValueError(f"undocumented problem code {self.code!r}")


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
