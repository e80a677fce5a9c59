"""`trd stage`: the Maudsley Staging Method's items, band edges, and the TRD definition."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import documentation, invoke
from trdcli.safety import DISCLAIMER
from trdcli.staging import History, maudsley

# (duration months, severity, failed, augmentation, ect) -> (total, band). Each total is the
# sum of the published points: duration <=12:1, 13-24:2, >24:3; severity subsyndromal 1 ...
# psychotic 5; failed 1-2:1, 3-4:2, 5-6:3, 7-10:4, >10:5; augmentation 1; ECT 1.
BAND_EDGES = [
    ((6, "subsyndromal", 1, False, False), (3, "mild")),    # lowest total
    ((18, "moderate", 1, False, False), (6, "mild")),       # 2 + 3 + 1
    ((18, "moderate", 1, True, False), (7, "moderate")),    # 2 + 3 + 1 + 1
    ((30, "severe", 3, False, True), (10, "moderate")),     # 3 + 4 + 2 + 1
    ((30, "severe", 5, False, True), (11, "severe")),       # 3 + 4 + 3 + 1
    ((30, "psychotic", 11, True, True), (15, "severe")),    # highest total
]


def args(history: tuple[float, str, int, bool, bool]) -> list[str]:
    months, severity, failed, augmentation, ect = history
    return ["stage", "--duration-months", str(months), "--severity", severity,
            "--failed", str(failed), "--augmentation" if augmentation else "--no-augmentation",
            "--ect" if ect else "--no-ect"]


@pytest.mark.parametrize(("history", "expected"), BAND_EDGES)
def test_band_edges(history: tuple[float, str, int, bool, bool],
                    expected: tuple[int, str]) -> None:
    document = invoke(*args(history), "--json").json()
    assert (document["msm"]["total"], document["msm"]["band"]) == expected
    assert sum(item["points"] for item in document["msm"]["items"]) == expected[0]


@pytest.mark.parametrize(("months", "points"), [(0, 1), (12, 1), (12.5, 2), (24, 2), (25, 3)])
def test_duration_levels(months: float, points: int) -> None:
    item = maudsley(History(months, "mild", 1)).items[0]
    assert item.points == points


@pytest.mark.parametrize(("failed", "points"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3),
                                                (7, 4), (10, 4), (11, 5), (40, 5)])
def test_failed_antidepressant_levels(failed: int, points: int) -> None:
    item = next(i for i in maudsley(History(6, "mild", failed)).items
                if i.item == "failed antidepressants")
    assert item.points == points


@pytest.mark.parametrize(("failed", "meets"), [(0, False), (1, False), (2, True), (5, True)])
def test_trd_definition_needs_two_failed_trials(failed: int, meets: bool) -> None:
    document = invoke(*args((6, "moderate", failed, False, False)), "--json").json()
    assert document["meets_trd_definition"] is meets
    assert "adequate" in document["adequate_trial_rule"]


def test_no_failed_trial_is_flagged_not_scored() -> None:
    result = invoke(*args((6, "moderate", 0, False, False)))
    assert result.exit_code == 0
    assert "Not scored" in result.stdout
    document = invoke(*args((6, "moderate", 0, False, False)), "--json").json()
    assert document["msm"]["total"] is None and document["msm"]["flags"]


def test_human_view_shows_points_sources_and_safety_line() -> None:
    result = invoke(*args((18, "severe", 3, True, False)))
    flat = " ".join(result.stdout.split())
    assert "Total: 9 of 15, moderate" in flat
    assert "10.1186/s12888-018-1679-x" in flat
    assert result.stdout.rstrip().splitlines()[-1] == DISCLAIMER


@pytest.mark.parametrize(("bad", "message"), [
    (["--duration-months", "-1", "--severity", "mild", "--failed", "1"], "0 or more"),
    (["--duration-months", "6", "--severity", "extreme", "--failed", "1"], "extreme"),
    (["--duration-months", "6", "--severity", "mild", "--failed", "-2"], "0 or more"),
    (["--duration-months", "six", "--severity", "mild", "--failed", "1"], "--duration-months"),
])
def test_bad_input_is_a_usage_error(bad: list[str], message: str) -> None:
    result = invoke("stage", *bad)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@given(months=st.floats(0, 600), severity=st.sampled_from(
    ["subsyndromal", "mild", "moderate", "severe", "psychotic"]),
    failed=st.integers(1, 60), augmentation=st.booleans(), ect=st.booleans())
def test_total_is_the_sum_and_band_follows(months: float, severity: str, failed: int,
                                           augmentation: bool, ect: bool) -> None:
    score = maudsley(History(months, severity, failed, augmentation, ect))  # type: ignore[arg-type]
    assert score.total == sum(i.points for i in score.items)
    assert score.total is not None and 3 <= score.total <= 15
    expected = "mild" if score.total <= 6 else "moderate" if score.total <= 10 else "severe"
    assert score.band == expected


EXAMPLE_HISTORY = Path(__file__).parents[1] / "examples" / "history.yaml"


def test_history_file_example_scores_by_hand() -> None:
    # 20 months: sub-acute (2); severe (4); two distinct failed medications, sertraline and
    # venlafaxine (level 1: 1); lithium augmentation (1); no ECT (0): 8, moderate.
    document = invoke("stage", "--history", str(EXAMPLE_HISTORY), "--json").json()
    assert document["msm"]["total"] == 8 and document["msm"]["band"] == "moderate"
    assert [(t["drug"], t["counted"]) for t in document["trials"]] == [
        ("sertraline", True), ("venlafaxine", True), ("mirtazapine", False),
        ("venlafaxine", False)]
    assert document["meets_trd_definition"] is True
    assert "at least 6 weeks" in document["adequate_trial_rule"]


def test_json_history_gives_the_same_answer(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE_HISTORY.read_text(encoding="utf-8"))
    as_json = tmp_path / "history.json"
    as_json.write_text(json.dumps(data), encoding="utf-8")
    from_yaml = invoke("stage", "--history", str(EXAMPLE_HISTORY), "--json").json()
    assert invoke("stage", "--history", str(as_json), "--json").json() == from_yaml


@pytest.mark.parametrize(("trial", "counted", "why"), [
    ({"weeks": 4, "outcome": "no-response"}, False, "shorter than 6"),
    ({"weeks": 6, "outcome": "no-response"}, True, "no-response after 6 weeks"),
    ({"weeks": 8, "outcome": "no-response", "adequate_dose": False}, False, "not adequate"),
    ({"weeks": 8, "outcome": "remission"}, False, "it worked"),
    ({"weeks": 8, "outcome": "not-tolerated"}, False, "side effects"),
    ({"weeks": 8, "outcome": "ongoing"}, False, "still running"),
])
def test_each_trial_rule(tmp_path: Path, trial: dict[str, Any], counted: bool, why: str) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(yaml.safe_dump({"duration_months": 6, "severity": "moderate",
                                    "trials": [{"drug": "x", **trial}]}), encoding="utf-8")
    document = invoke("stage", "--history", str(path), "--json").json()
    assert document["trials"][0]["counted"] is counted
    assert why in document["trials"][0]["why"]
    # No counted failure: flagged, not scored.
    assert (document["msm"]["total"] is None) is not counted


def test_an_ect_course_in_the_history_scores_ect(tmp_path: Path) -> None:
    path = tmp_path / "h.yaml"
    path.write_text("duration_months: 30\nseverity: psychotic\ntrials:\n"
                    "  - {drug: a, weeks: 8, outcome: no-response}\n"
                    "ect_courses:\n  - {sessions: 12, outcome: partial-response}\n",
                    encoding="utf-8")
    items = {i["item"]: i["points"] for i in
             invoke("stage", "--history", str(path), "--json").json()["msm"]["items"]}
    assert items == {"duration": 3, "severity": 5, "failed antidepressants": 1,
                     "augmentation": 0, "ECT": 1}


def test_history_file_and_options_are_not_both_given(tmp_path: Path) -> None:
    path = tmp_path / "h.yaml"
    path.write_text("duration_months: 6\nseverity: mild\n", encoding="utf-8")
    result = invoke("stage", "--history", str(path), "--failed", "2")
    assert result.exit_code == 2
    assert "not both" in result.stderr and result.stdout == ""


TRIAL = "duration_months: 6\nseverity: mild\ntrials:\n  - {drug: a, weeks: %s, outcome: %s}\n"


def _key(content: str, line: int, key: str) -> tuple[int, int]:
    """Where ``key`` stands on ``line`` (1-based): located problems point at their key."""
    return line, content.splitlines()[line - 1].index(key) + 1


@pytest.mark.parametrize(("content", "code", "key"), [
    (TRIAL % ("8", "failed"), "not-a-choice", "outcome"),
    (TRIAL % ("-8", "ongoing"), "out-of-range", "weeks"),
    (TRIAL % (".nan", "ongoing"), "not-finite", "weeks"),
    (TRIAL % ("1.0e+99", "ongoing"), "too-big", "weeks"),
    (TRIAL % ("'\u0668'", "ongoing"), "wrong-type", "weeks"),  # an Arabic-Indic eight
    ("- a list\n", "not-a-mapping", "-"),
    ("duration_months: [\n", "yaml-syntax", None),
])
def test_bad_history_files_are_one_located_line(tmp_path: Path, content: str, code: str,
                                                key: str | None) -> None:
    path = tmp_path / "h.yaml"
    path.write_text(content, encoding="utf-8")
    result = invoke("stage", "--history", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    if key is None:
        location = f"{path}:"
    else:
        row, column = _key(content, 4 if content.startswith("duration") else 1, key)
        location = f"{path}:{row}:{column}: "
    assert line.startswith(f"trd: error: history file {location}"), line
    assert line.endswith(f"[{code}]"), line


def test_missing_options_are_named() -> None:
    result = invoke("stage", "--failed", "2")
    assert result.exit_code == 2
    assert "missing --duration-months, --severity" in result.stderr


def test_readme_shows_the_example_history_as_it_is() -> None:
    readme = documentation()
    assert "```yaml\n" + EXAMPLE_HISTORY.read_text(encoding="utf-8") + "```" in readme
