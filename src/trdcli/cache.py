"""Remember catalogue stacks that validated, so later runs skip YAML parsing and validation.

The key is a hash of the files' paths and bytes, of whether the shipped catalogue is in the
stack, and of trd's own code files (a new version may validate differently). The value is the
validated catalogue as a pickle, because rebuilding it from JSON through the validator took
most of a warm start (about 45 ms against 3 ms). Reading it cannot run anything: the
unpickler admits only the catalogue's own dataclasses and dates (no function, no other
class), and the entry is sealed with an HMAC under a random key kept beside it (readable by
the user alone), checked before anything is unpickled: an entry edited by hand, or one trd
did not write, is not served. A damaged entry is ignored and rebuilt.

Where: ``TRD_CACHE_DIR``, else the platform's cache folder (platformdirs: ``~/.cache/trd`` or
``$XDG_CACHE_HOME/trd`` on Linux). A folder that other users can write, or that belongs to
someone else, is not used. ``TRD_NO_CACHE=1`` (or true, yes, on) turns the cache off.
trd only ever deletes its own entries (``trd-cache-*.pickle``), never other files.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .merge import Stack

KEEP = 8  # entries; older ones are removed when a new one is written
PREFIX, SUFFIX = "trd-cache-", ".pickle"
_SEAL_KEY = "trd-cache.key"
_ON_WORDS = frozenset({"1", "true", "yes", "on"})


def directory() -> Path | None:
    """The cache folder, or None when the cache is off or the folder is not safe to use."""
    if os.environ.get("TRD_NO_CACHE", "").strip().lower() in _ON_WORDS:
        return None
    chosen = os.environ.get("TRD_CACHE_DIR")
    if chosen:
        folder = Path(chosen)
    else:
        from platformdirs import user_cache_dir

        folder = Path(user_cache_dir("trd", appauthor=False))
    return folder if _safe(folder) else None


def _safe(folder: Path) -> bool:
    """Only a folder that is ours and that no one else can write (or one still to make)."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def key(files: Sequence[Path], contents: Mapping[Path, bytes], default: bool) -> str | None:
    """The cache key for this stack of files (``contents`` holds each file's bytes; ``default``
    says whether the first is the shipped catalogue), or None when caching is off."""
    if directory() is None:
        return None
    digest = hashlib.sha256(f"shipped first: {default}\n".encode())
    for code in sorted(Path(__file__).parent.glob("*.py")):
        info = code.stat()
        digest.update(f"{code.name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    for file in files:
        digest.update(f"{file}\n".encode() + hashlib.sha256(contents[file]).digest())
    return digest.hexdigest()


def _entry(folder: Path, cache_key: str) -> Path:
    return folder / f"{PREFIX}{cache_key}{SUFFIX}"


def _seal_key(folder: Path, create: bool) -> bytes | None:
    path = folder / _SEAL_KEY
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
    fresh = secrets.token_bytes(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another trd made it meanwhile
        return path.read_bytes()
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(fresh)
    return fresh


def _seal(secret: bytes, cache_key: str, payload: bytes) -> str:
    return hmac.new(secret, cache_key.encode() + b"\n" + payload, hashlib.sha256).hexdigest()


class _CatalogueUnpickler(pickle.Unpickler):
    """Admits only what a catalogue is made of: trd's model dataclasses, a layer's record
    and dates. Anything else (a function, another class) stops the load."""

    def find_class(self, module: str, name: str) -> Any:
        from . import merge, model

        allowed = {"trdcli.model": model, "trdcli.merge": merge}
        if module == "datetime" and name == "date":
            from datetime import date

            return date
        found = getattr(allowed.get(module), name, None)
        if isinstance(found, type) and hasattr(found, "__dataclass_fields__"):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a catalogue")


def get(cache_key: str) -> Stack | None:
    from .merge import Stack
    from .model import Catalogue

    folder = directory()
    if folder is None:
        return None
    try:
        secret = _seal_key(folder, create=False)
        raw = _entry(folder, cache_key).read_bytes()
        seal, _, payload = raw.partition(b"\n")
        if secret is None or not hmac.compare_digest(seal.decode("ascii"),
                                                     _seal(secret, cache_key, payload)):
            return None
        catalogue, layers = _CatalogueUnpickler(io.BytesIO(payload)).load()
        if not isinstance(catalogue, Catalogue):
            return None
        return Stack(catalogue, list(layers))
    except (OSError, ValueError, TypeError, KeyError, EOFError, pickle.UnpicklingError):
        return None


def put(cache_key: str, found: Stack) -> None:
    """Store ``found``; a cache that cannot be written (read-only home, full disk) is skipped."""
    folder = directory()
    if folder is None:
        return
    payload = pickle.dumps((found.catalogue, found.layers), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        secret = _seal_key(folder, create=True)
        assert secret is not None
        handle, name = tempfile.mkstemp(dir=folder, prefix=PREFIX, suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(_seal(secret, cache_key, payload).encode("ascii") + b"\n" + payload)
            os.replace(temporary, _entry(folder, cache_key))
        finally:
            temporary.unlink(missing_ok=True)
        ours = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns,
                      reverse=True)
        for old in ours[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
