"""JSON output: the documents in `trdcli.documents`, as UTF-8 text."""

from __future__ import annotations

import json
from typing import Any

from ..structure import to_jsonable


def dumps(document: Any) -> str:
    """Indented, non-ASCII kept as is: the same bytes for a script whatever the locale."""
    return json.dumps(to_jsonable(document), ensure_ascii=False, indent=2) + "\n"
