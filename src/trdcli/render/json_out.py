"""JSON output: the documents in `trdcli.documents`, as UTF-8 text."""

from __future__ import annotations

import json
import re
from typing import Any

from ..structure import to_jsonable


def dumps(document: Any) -> str:
    """Indented, non-ASCII kept as is: the same bytes for a script whatever the locale.

    json escapes C0 controls itself; DEL and the C1 controls (which a terminal may obey
    when someone cats the file) are escaped too, which JSON readers decode the same."""
    text = json.dumps(to_jsonable(document), ensure_ascii=False, indent=2)
    return _UNESCAPED_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


_UNESCAPED_CONTROL = re.compile("[\x7f-\x9f]")
