"""Remember catalogue stacks that validated, so later runs skip YAML parsing and validation.

The key is a hash of the files' paths and bytes and of trd's own code files (a new version
may validate differently). The value is plain JSON, never pickle: reading the cache cannot
run anything, and a damaged entry is ignored. ``TRD_NO_CACHE=1`` turns it off;
``TRD_CACHE_DIR`` moves it (default ``$XDG_CACHE_HOME/trd``, else ``~/.cache/trd``).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .merge import Stack

KEEP = 8  # entries; older ones are removed when a new one is written


def directory() -> Path | None:
    if os.environ.get("TRD_NO_CACHE"):
        return None
    if os.environ.get("TRD_CACHE_DIR"):
        return Path(os.environ["TRD_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trd"


def key(files: Sequence[Path], contents: Mapping[Path, bytes]) -> str | None:
    """The cache key for this stack of files (``contents`` holds each file's bytes), or None
    when caching is off."""
    if directory() is None:
        return None
    digest = hashlib.sha256()
    for code in sorted(Path(__file__).parent.glob("*.py")):
        stat = code.stat()
        digest.update(f"{code.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    for file in files:
        digest.update(f"{file}\n".encode() + hashlib.sha256(contents[file]).digest())
    return digest.hexdigest()


def get(cache_key: str) -> Stack | None:
    from .merge import LayerInfo, Stack
    from .model import Catalogue
    from .structure import INVALID, structure

    folder = directory()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{cache_key}.json").read_bytes())
        problems: list[Any] = []
        catalogue = structure(Catalogue, entry["catalogue"], (), problems)
        if catalogue is INVALID or problems:
            return None
        return Stack(catalogue, [LayerInfo(**layer) for layer in entry["layers"]])
    except (OSError, ValueError, TypeError, KeyError):
        return None


def put(cache_key: str, found: Stack) -> None:
    """Store ``found``; a cache that cannot be written (read-only home, full disk) is skipped."""
    from .structure import to_jsonable

    folder = directory()
    if folder is None:
        return
    entry = {"catalogue": to_jsonable(found.catalogue),
             "layers": [asdict(layer) for layer in found.layers]}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp",
                                         delete=False) as handle:
            temporary = Path(handle.name)
            try:
                json.dump(entry, handle, ensure_ascii=False)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        os.replace(temporary, folder / f"{cache_key}.json")
        entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
