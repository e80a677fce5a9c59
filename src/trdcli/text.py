"""Text from catalogues, history files, arguments and paths is data: it never carries a
terminal control into any output.

C0 controls other than tab and newline, DEL and the C1 controls (U+0080-U+009F, which many
terminals read as escape sequences: U+009B is CSI) are refused where text enters (catalogue
and history files, arguments) and escaped where text leaves (every output, every error line),
so a path or a value that slipped past the first net is still shown, never obeyed.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def first_control(text: str) -> str | None:
    """The first control character in ``text``, or None."""
    found = CONTROL.search(text)
    return found.group() if found else None


def visible(text: str) -> str:
    """``text`` with each control character written as an escape (ESC as \\x1b), so it can
    be shown but not obeyed; tab and newline stay."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def codepoint(character: str) -> str:
    return f"U+{ord(character):04X}"
