"""A broken catalogue gives one clear line naming the file, the line and the field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from conftest import assert_problem, invoke, write_catalogue


def run_with(path: Path, *args: str) -> Any:
    return invoke("--no-default", "--catalog", str(path), *(args or ("list",)))


def assert_catalogue_error(result: Any, *fragments: str) -> None:
    assert result.exit_code == 4
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("trd: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert_catalogue_error(run_with(missing), str(missing), "no such file")


def test_directory(tmp_path: Path) -> None:
    assert_catalogue_error(run_with(tmp_path), "is a directory")


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nversion: [unclosed\n", encoding="utf-8")
    found = assert_problem(run_with(bad), bad, "yaml-syntax")
    assert found["line"] is not None  # where exactly is the parser's call


def test_invalid_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"version: caf\xe9\n")
    assert_catalogue_error(run_with(bad), "not UTF-8")


def test_environment_variable_points_at_the_catalogue(tmp_path: Path) -> None:
    missing = tmp_path / "env.yaml"
    result = invoke("list", env={"TRD_CATALOG": str(missing)})
    assert_catalogue_error(result, str(missing))


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


def test_wrong_type_names_field_and_line(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["treatments"][1]["evidence"][0]["n"] = "lots"
    path = write_catalogue(tmp_path / "c.yaml", data)
    line = _line_of(path, "n: lots")
    assert_catalogue_error(run_with(path), f"{path}:{line}:", "treatments[1].evidence[0].n",
                           "expected a whole number, got text")


def test_unknown_field_suggests_the_right_one(tmp_path: Path,
                                              shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    entry = data["treatments"][2]
    entry["aliase"] = entry.pop("aliases")
    path = write_catalogue(tmp_path / "c.yaml", data)
    line = _line_of(path, "aliase:")
    result = run_with(path)
    assert_catalogue_error(result, f"{path}:{line}:", "treatments[2].aliase",
                           "unknown field (did you mean aliases?)")


def test_bad_enum_value(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["treatments"][0]["category"] = "medicaton"
    path = write_catalogue(tmp_path / "c.yaml", data)
    assert_catalogue_error(run_with(path), "treatments[0].category", "did you mean medication?")


def test_duplicate_id(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["treatments"][3]["id"] = data["treatments"][0]["id"]
    path = write_catalogue(tmp_path / "c.yaml", data)
    assert_catalogue_error(run_with(path), "treatments[3].id",
                           f"is already used by {shipped_data['treatments'][0]['id']!r}")


def test_duplicate_alias_across_entries(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["treatments"][4]["aliases"].append(data["treatments"][1]["aliases"][0].upper())
    path = write_catalogue(tmp_path / "c.yaml", data)
    assert_catalogue_error(run_with(path), "treatments[4].aliases", "is already used by")


def test_duplicate_mapping_key_is_not_silently_dropped(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("schema_version: 1\nversion: '1'\nversion: '2'\n", encoding="utf-8")
    assert_catalogue_error(run_with(path), f"{path}:3:1:", "version: duplicate key")


def test_dangling_source(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["treatments"][0]["headline"]["sources"] = ["no-such-source"]
    path = write_catalogue(tmp_path / "c.yaml", data)
    assert_catalogue_error(run_with(path), "treatments[0].headline.sources[0]",
                           "unknown source 'no-such-source'")


def test_python_tags_are_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f"x: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    assert_catalogue_error(run_with(path), "YAML")
    assert not marker.exists()


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Permissions cannot be taken away from root (CI runs as root), so the refusal the
    # operating system would give is simulated at the one place the file is read.
    path = tmp_path / "secret.yaml"
    path.write_text("x: 1\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert_catalogue_error(run_with(path), "permission denied")
