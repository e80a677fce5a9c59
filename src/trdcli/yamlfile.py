"""YAML, read safely: imported only when a file is parsed or a problem located, so a run served
from the catalogue cache never pays for it.

Nothing a file says is run (only the safe loader's plain tags), and a file that would hang or
crash the parser is refused before it is built: nesting deeper than ``MAX_DEPTH`` and aliases
that would expand to more than ``MAX_ALIAS_NODES`` extra values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from .errors import CatalogueError, Problem
from .loader import MAX_ALIAS_NODES, MAX_DEPTH

# libyaml's composer recurses in C and crashes the interpreter somewhere past 20,000 levels, so
# anything that could nest that deep is measured first (as a stream of events, which is flat).
_SURELY_SHALLOW = 10_000
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]", re.MULTILINE)

# The C parser is several times faster; the pure-Python one gives the same result.
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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


def locate_problems(text: str, file: str, problems: Sequence[Problem]) -> list[Problem]:
    """``problems`` found in the data parsed from ``text``, each with its line and column."""
    return locate_all([text], [file], [(0, p.path, p.code, p.message) for p in problems])


def locate_all(texts: list[str], files: list[str],
               found: list[tuple[int, tuple[str | int, ...], str, str]]) -> list[Problem]:
    """Each problem found in file ``index`` at path ``inner``, with its line and column."""
    # Only a file with problems pays for composing it into nodes, and only once.
    roots: dict[int, yaml.Node | None] = {}
    located = []
    for index, inner, code, message in found:
        if index not in roots:
            roots[index] = yaml.compose(texts[index], Loader=_BaseLoader)
        where = locate(roots[index], inner)
        line, column = where if where else (None, None)
        located.append(Problem(code, inner, message, files[index], line, column))
    return located


