"""Read catalogue files safely, lay them over one another and validate the result.

A catalogue file is plain data. Loading it never runs anything it says (only the safe
loader's tags are known), and a file that would hang or exhaust the loader is refused
before it is built: files over ``MAX_FILE_BYTES``, nesting deeper than ``MAX_DEPTH``,
and YAML aliases that would expand to more than ``MAX_ALIAS_NODES`` extra values.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from . import cache
from .errors import CatalogueError, Problem
from .merge import Changes, LayerInfo, Stack, stack
from .model import Catalogue, with_classes
from .structure import INVALID, structure
from .validate import check_catalogue

MAX_FILE_BYTES = 128 * 1024 * 1024  # a 10,000-option catalogue is about 106 MB
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000

# libyaml's composer recurses in C and crashes the interpreter somewhere past 20,000 levels, so
# anything that could nest that deep is measured first (as a stream of events, which is flat).
_SURELY_SHALLOW = 10_000
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)

# The C parser is several times faster; the pure-Python one gives the same result.
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathLike = str | Path


class _Refused(Exception):
    """A construct trd refuses, met while building: a problem code and where it stood."""

    def __init__(self, code: str, path: tuple[str, ...], message: str, mark: yaml.Mark):
        self.code, self.path, self.message, self.mark = code, path, message, mark


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, refusing duplicate keys (PyYAML silently keeps the last) and naming
    any tag it has no constructor for (PyYAML would say so only in its own words)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise _Refused("duplicate-key", (str(key),), "duplicate key", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def refuse_tag(self, node: yaml.Node) -> Any:
        raise _Refused("tag-not-allowed", (), f"YAML tag not allowed: {node.tag} (catalogue "
                       "files hold plain data only)", node.start_mark)


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)
_StrictLoader.add_constructor(None, _StrictLoader.refuse_tag)


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


def _could_crash_the_parser(text: str) -> bool:
    """Cheap and conservative: could this text nest past what libyaml's C composer survives,
    or hold aliases (which could expand to a bomb)?"""
    longest_line = max(map(len, text.splitlines()), default=0)
    # Block nesting needs indentation or "- " on a line; flow nesting needs a bracket.
    depth_bound = 2 * longest_line + text.count("[") + text.count("{")
    return depth_bound >= _SURELY_SHALLOW or _ANCHOR.search(text) is not None


def _check_shape(text: str, file: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH and alias expansion past MAX_ALIAS_NODES.

    It reads the flat event stream, so it is safe on any input, and it stops quietly at a
    syntax error (the caller reports that with its position)."""
    depth, from_aliases = 0, 0
    sizes: list[int] = [0]  # values under each open collection
    anchors: dict[str, int] = {}
    open_anchors: list[str | None] = []
    try:
        # The pure-Python parser: libyaml may stop at a nesting limit of its own before
        # reporting the events that show where ours was passed.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    _refuse(file, event, "too-deep", f"nested deeper than {MAX_DEPTH} levels")
                sizes.append(0)
                open_anchors.append(event.anchor)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                size = sizes.pop() + 1
                sizes[-1] += size
                anchor = open_anchors.pop()
                if anchor is not None:
                    anchors[anchor] = size
            elif isinstance(event, yaml.ScalarEvent):
                sizes[-1] += 1
                if event.anchor is not None:
                    anchors[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                expanded = anchors.get(event.anchor or "", 1)
                sizes[-1] += expanded
                from_aliases += expanded
                if from_aliases > MAX_ALIAS_NODES:
                    _refuse(file, event, "alias-bomb", f"YAML aliases expand to more than "
                                                       f"{MAX_ALIAS_NODES:,} values")
    except yaml.YAMLError:
        return


def _depth(data: Any) -> int:
    """How deeply the loaded ``data`` nests its lists and mappings (without recursion)."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = value.values()
        elif not isinstance(value, list):
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in value)
    return deepest


def _refuse(file: str, event: yaml.Event, code: str, message: str) -> None:
    mark = event.start_mark
    where = (mark.line + 1, mark.column + 1) if mark else (None, None)
    raise CatalogueError([Problem(code, (), message, file, *where)])


# A JSON writer's escaped surrogate pair (\ud83d\ude00), which YAML cannot read.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_yaml(text: str, file: str) -> Any:
    if _could_crash_the_parser(text):
        _check_shape(text, file)
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader subclass
    except _Refused as refused:
        mark = refused.mark
        raise CatalogueError([Problem(refused.code, refused.path, refused.message, file,
                                      mark.line + 1, mark.column + 1)]) from None
    except yaml.reader.ReaderError as exc:
        # PyYAML's own message spans two lines and names "<unicode string>"; say where.
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise CatalogueError([Problem(
            "control-character", (), f"character U+{character:04X} is not allowed in YAML",
            file=file, line=line, column=column)]) from None
    except yaml.YAMLError as exc:
        # A parser may have its own nesting limit (libyaml 0.2.6 stops near 1,000 levels):
        # past ours, that is trd's too-deep, whatever words the parser used.
        _check_shape(text, file)
        raise CatalogueError([_syntax_problem(exc, text, file)]) from None
    if _depth(data) > MAX_DEPTH:
        _check_shape(text, file)  # says where, unless aliases made the depth
        raise CatalogueError([Problem("too-deep", (), f"nested deeper than {MAX_DEPTH} levels "
                                      "(through YAML aliases)", file)])
    return data


def _syntax_problem(exc: yaml.YAMLError, text: str, file: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    detail = getattr(exc, "problem", None) or getattr(exc, "context", None)
    message = f"YAML syntax error: {detail}" if detail else "YAML syntax error"
    if mark is None:
        return Problem("yaml-syntax", (), message, file)
    lines = text.splitlines()
    if mark.line < len(lines) and _SURROGATE_ESCAPE.search(lines[mark.line]):
        message += (" (a surrogate pair such as \\ud83d\\ude00 cannot be read; write the "
                    "character itself, e.g. json.dumps(..., ensure_ascii=False))")
    return Problem("yaml-syntax", (), message, file, mark.line + 1, mark.column + 1)


def read_layer(path: Path, raw: bytes | None = None) -> Layer:
    """Read (unless ``raw`` already holds the bytes), decode and parse one file; every way it
    can fail is a ``CatalogueError``."""
    file = str(path)
    raw = read_bytes(path) if raw is None else raw
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


def locate(root: yaml.Node | None, path: tuple[str | int, ...]) -> tuple[int, int] | None:
    """The 1-based line and column of ``path`` under the composed YAML ``root``, as deep as
    it exists."""
    node = root
    mark = node.start_mark if node else None
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    mark, child = key_node.start_mark, value_node
                    break
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and part < len(node.value)):
            child = node.value[part]
            mark = child.start_mark
        if child is None:
            break
        node = child
    return (mark.line + 1, mark.column + 1) if mark else None


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
    problems.extend(_locate_all(layers, found))
    if problems:
        return None, problems
    shipped = default_catalogue_path() if default else None
    infos = [_info(layer, changes, shipped) for layer, changes in zip(layers, merged.changes,
                                                                       strict=True)]
    return Stack(with_classes(catalogue), infos), []


def locate_problems(text: str, file: str, problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` found in the data parsed from ``text``, each with its line and column."""
    root = yaml.compose(text, Loader=_BaseLoader)
    located = []
    for problem in problems:
        line, column = locate(root, problem.path) or (None, None)
        located.append(Problem(problem.code, problem.path, problem.message, file, line, column))
    return located


def _locate_all(layers: list[Layer], found: list[tuple[int, tuple[str | int, ...], str, str]]
                ) -> list[Problem]:
    # Only a file with problems pays for composing it into nodes, and only once.
    roots: dict[int, yaml.Node | None] = {}
    located = []
    for index, inner, code, message in found:
        layer = layers[index]
        if index not in roots:
            roots[index] = yaml.compose(layer.text, Loader=_BaseLoader)
        where = locate(roots[index], inner)
        line, column = where if where else (None, None)
        located.append(Problem(code, inner, message, layer.file, line, column))
    return located


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
