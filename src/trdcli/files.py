"""Writing a file so that a failure half way loses nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import CannotWrite


def write_atomically(path: Path, text: str, *, replace: bool) -> None:
    """Write ``text`` (UTF-8) to ``path`` all at once or not at all.

    It goes to a temporary file beside ``path`` first, so a full disk or a crash leaves the
    old file (or none) and no partial one. Without ``replace`` an existing file is refused,
    and the final link cannot overwrite one made meanwhile.
    """
    if not replace and path.exists():
        raise CannotWrite(f"{path} already exists; add --force to replace it")
    if path.exists() and not path.is_file():  # a device or a pipe: it cannot be swapped
        try:
            with path.open("w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        except OSError as error:
            raise CannotWrite(f"cannot write {path}: {error.strerror or error}") from None
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CannotWrite(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if the name was taken meanwhile
    except FileExistsError:
        raise CannotWrite(f"{path} already exists; add --force to replace it") from None
    except OSError as error:
        raise CannotWrite(f"cannot write {path}: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
