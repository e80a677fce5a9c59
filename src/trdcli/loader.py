"""Read a catalogue file safely and turn it into a validated ``Catalogue``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import CatalogueError, Problem
from .model import Catalogue
from .structure import INVALID, structure
from .validate import check_catalogue

# The C parser is several times faster; the pure-Python one gives the same result.
_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Duplicate(Exception):
    def __init__(self, key: str, mark: yaml.Mark):
        self.key = key
        self.mark = mark


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, refusing duplicate keys (PyYAML silently keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            if key in seen:
                raise _Duplicate(str(key), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_yaml_map)


def default_catalogue_path() -> Path:
    """The catalogue shipped inside the package (works from a wheel and an editable install)."""
    return Path(str(resources.files("trdcli") / "data" / "treatments.yaml"))


def read_text(path: Path) -> str:
    name = str(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        message = "no such file"
    except IsADirectoryError:
        message = "is a directory, not a catalogue file"
    except PermissionError:
        message = "permission denied"
    except UnicodeDecodeError as exc:
        message = f"not UTF-8 text (bad byte at offset {exc.start})"
    except OSError as exc:
        message = exc.strerror or str(exc)
    raise CatalogueError([Problem((), message, file=name)])


def parse_yaml(text: str, file: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader subclass
    except _Duplicate as dup:
        line, column = dup.mark.line + 1, dup.mark.column + 1
        raise CatalogueError(
            [Problem((dup.key,), "duplicate key", file=file, line=line, column=column)]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax error: {exc.problem or exc.context}"
        problem = Problem((), message, file=file)
        if mark:
            problem = Problem((), message, file, mark.line + 1, mark.column + 1)
        raise CatalogueError([problem]) from None
    except yaml.YAMLError as exc:
        raise CatalogueError([Problem((), f"YAML error: {exc}", file=file)]) from None


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


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Load and validate a catalogue; raise ``CatalogueError`` listing every problem."""
    file = Path(path) if path is not None else default_catalogue_path()
    text = read_text(file)
    data = parse_yaml(text, str(file))
    problems: list[Problem] = []
    catalogue = structure(Catalogue, data, (), problems)
    if catalogue is not INVALID:
        problems.extend(check_catalogue(catalogue))
    if problems:
        # Only a file with problems pays for composing it into nodes, and only once.
        root = yaml.compose(text, Loader=_BaseLoader)
        located = []
        for problem in problems:
            where = locate(root, problem.path)
            line, column = where if where else (None, None)
            located.append(Problem(problem.path, problem.message, str(file), line, column))
        raise CatalogueError(located)
    return catalogue  # type: ignore[no-any-return]
