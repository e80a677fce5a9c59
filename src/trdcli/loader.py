"""Read catalogue files safely, lay them over one another and validate the result.

A catalogue file is plain data. Loading it never runs anything it says (only the safe
loader's tags are known), and a file that would hang or exhaust the loader is refused
before it is built: files over ``MAX_FILE_BYTES``, nesting deeper than ``MAX_DEPTH``,
and YAML aliases that would expand to more than ``MAX_ALIAS_NODES`` extra values.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from . import cache
from .errors import CatalogueError, Problem
from .merge import Changes, LayerInfo, Stack, stack
from .model import Catalogue, with_classes
from .structure import INVALID, structure
from .validate import check_catalogue

MAX_FILE_BYTES = 128 * 1024 * 1024  # a 10,000-option catalogue is about 106 MB
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000

PathLike = str | Path


def default_catalogue_path() -> Path:
    """The catalogue shipped inside the package (works from a wheel and an editable install)."""
    return Path(str(resources.files("trdcli") / "data" / "treatments.yaml"))


@dataclass(frozen=True)
class Layer:
    """One catalogue file in the stack, as read."""

    file: str
    raw: bytes
    text: str = ""
    data: Any = None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a ``CatalogueError`` saying plainly why not."""
    code = "cannot-read"
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        message = "no such file"
    except IsADirectoryError:
        message = "is a directory, not a catalogue file"
    except PermissionError:
        message = "permission denied"
    except OSError as exc:
        message = exc.strerror or type(exc).__name__
    else:
        if len(raw) <= MAX_FILE_BYTES:
            return raw
        code, message = "too-large", (f"larger than the {MAX_FILE_BYTES // 2**20} MiB a "
                                      "catalogue file may be")
    raise CatalogueError([Problem(code, (), message, file=str(path))])


def decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        code, message = "not-utf8", f"not UTF-8 text (bad byte at offset {exc.start})"
    else:
        nul = text.find("\0")
        if nul < 0:
            return text
        code, message = "binary", f"binary data, not YAML text (NUL byte at offset {nul})"
    raise CatalogueError([Problem(code, (), message, file=file)])


def read_layer(path: Path, raw: bytes | None = None) -> Layer:
    """Read (unless ``raw`` already holds the bytes), decode and parse one file; every way it
    can fail is a ``CatalogueError``."""
    file = str(path)
    raw = read_bytes(path) if raw is None else raw
    from .yamlfile import parse_yaml  # only here: a warm cache hit never imports YAML

    text = decode(raw, file)
    data = parse_yaml(text, file)
    if data is None:
        raise CatalogueError([Problem("empty-file", (), "empty file: expected a mapping of "
                                      "catalogue fields", file=file)])
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise CatalogueError([Problem("not-a-mapping", (), "expected a mapping of catalogue "
                                      f"fields, got {kind}", file, 1, 1)])
    return Layer(file, raw, text, data)


def _paths(paths: Sequence[PathLike] | PathLike | None, default: bool) -> list[Path]:
    if paths is None:
        given: list[Path] = []
    elif isinstance(paths, (str, Path)):
        given = [Path(paths)]
    else:
        given = [Path(p) for p in paths]
    return [default_catalogue_path(), *given] if default else given


def check_stack(paths: Sequence[PathLike] | PathLike | None = None, *,
                default: bool = True) -> tuple[Stack | None, list[Problem]]:
    """Every problem in every file of the stack; the merged catalogue when there are none.

    Files that cannot be read or parsed are reported and left out, so the problems of the
    files after them are still found.
    """
    return _check(_paths(paths, default), {}, default)


def _check(files: list[Path], already_read: dict[Path, bytes],
           default: bool) -> tuple[Stack | None, list[Problem]]:
    if not files:
        return None, [Problem("no-catalogue", (),
                                "no catalogue: --no-default needs at least one --catalog")]
    layers: list[Layer] = []
    problems: list[Problem] = []
    for path in files:
        try:
            layers.append(read_layer(path, already_read.get(path)))
        except CatalogueError as error:
            problems.extend(error.problems)
    if not layers:
        return None, problems
    merged = stack(Catalogue, [layer.data for layer in layers])
    found = list(merged.problems)
    built: list[Problem] = []
    catalogue = structure(Catalogue, merged.data, (), built)
    if catalogue is not INVALID:
        built.extend(check_catalogue(catalogue))
    found += [(*merged.origin(p.path), p.code, p.message) for p in built]
    if found:
        from .yamlfile import locate_all

        problems.extend(locate_all([layer.text for layer in layers],
                                   [layer.file for layer in layers], found))
    if problems:
        return None, problems
    shipped = default_catalogue_path() if default else None
    infos = [_info(layer, changes, shipped) for layer, changes in zip(layers, merged.changes,
                                                                       strict=True)]
    return Stack(with_classes(catalogue), infos), []


def _info(layer: Layer, changes: Changes, shipped: Path | None) -> LayerInfo:
    import hashlib

    def text_of(key: str) -> str | None:
        value = layer.data.get(key)
        return None if value is None else str(value)

    return LayerInfo(
        file=layer.file, shipped=shipped is not None and layer.file == str(shipped),
        sha256=hashlib.sha256(layer.raw).hexdigest(), version=text_of("version"),
        released=text_of("released"), added=changes.added, changed=changes.changed,
    )


def load_stack(paths: Sequence[PathLike] | PathLike | None = None, *,
               default: bool = True) -> Stack:
    """The shipped catalogue (unless ``default`` is false) with ``paths`` laid over it in order.

    A stack that validated before is rebuilt from the cache, keyed by the files' contents.
    """
    files = _paths(paths, default)
    with _no_cyclic_gc():
        # Each file is read once, within the size limit, for both the cache key and the load.
        already_read: dict[Path, bytes] = {}
        for path in files:
            with contextlib.suppress(CatalogueError):  # _check reports it with the others
                already_read[path] = read_bytes(path)
        key = (cache.key(files, already_read, default)
               if len(already_read) == len(set(files)) else None)
        if key is not None:
            hit = cache.get(key)
            if hit is not None:
                return hit
        found, problems = _check(files, already_read, default)
        if found is None:
            raise CatalogueError(problems)
        if key is not None:
            cache.put(key, found)
        return found


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    # Building a catalogue makes many objects and no cycles; the collector would rescan the
    # growing heap again and again, which made load time grow faster than the entry count.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalogue(paths: Sequence[PathLike] | PathLike | None = None, *,
                   default: bool = True) -> Catalogue:
    """Load and validate a catalogue; raise ``CatalogueError`` listing every problem."""
    return load_stack(paths, default=default).catalogue
