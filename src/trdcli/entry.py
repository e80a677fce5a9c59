"""The `trd` console script. It is kept tiny so that Ctrl-C at any moment, even while the
rest of trd is still being imported, exits 130 without a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        _fit_stdout_to_its_encoding()
        from .cli import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise SystemExit(130) from None


def _fit_stdout_to_its_encoding() -> None:
    # A terminal or pipe that cannot carry Unicode (PYTHONIOENCODING=ascii, an old code page)
    # gets "?" for what it cannot show, instead of a crash; the views switch to ASCII glyphs.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
