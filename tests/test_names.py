"""Names resolve as people type them; typos and ambiguity fail helpfully."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trdcli
from conftest import examples, invoke

# What the core issue says must resolve, and the entry a person means by it.
MUST_RESOLVE = {
    "ketamine": "iv-ketamine",
    "esketamine": "esketamine",
    "spravato": "esketamine",
    "tms": "rtms",
    "rtms": "rtms",
    "ect": "ect",
    "vns": "vns",
    "psilocybin": "psilocybin",
    "cbt": "psychotherapy",
    "ssri": "switching-optimisation",
    "exercise": "lifestyle",
    "digital": "digital",
}


@pytest.mark.parametrize(("typed", "expected"), sorted(MUST_RESOLVE.items()))
def test_required_names_resolve_in_explain_json(typed: str, expected: str) -> None:
    for variant in (typed, typed.upper(), typed.title()):
        result = invoke("explain", variant, "--json")
        assert result.exit_code == 0, result.stderr
        assert result.json()["treatment"]["id"] == expected


def test_condition_resolves_by_its_short_name() -> None:
    result = invoke("explain", "TRD", "--json")
    assert result.exit_code == 0
    assert result.json()["kind"] == "condition"


def test_typo_suggests_the_closest_name_on_stderr() -> None:
    result = invoke("explain", "ketamne")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "did you mean ketamine" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_name_without_anything_close() -> None:
    result = invoke("explain", "zzzzqqq")
    assert result.exit_code == 3
    assert "unknown treatment or term 'zzzzqqq'" in result.stderr
    assert "did you mean" not in result.stderr


def test_ambiguous_prefix_lists_every_candidate() -> None:
    catalogue = trdcli.load_catalogue()
    # A prefix shared by two or more entries' names, found from the data itself.
    by_prefix: dict[str, set[str]] = {}
    for t in catalogue.treatments:
        for key in (t.id, t.name, *t.aliases):
            by_prefix.setdefault(key.casefold()[:4], set()).add(t.id)
    prefix, ids = next((p, i) for p, i in sorted(by_prefix.items()) if len(i) > 1)
    result = invoke("compare", prefix, "ect")
    assert result.exit_code == 3
    assert "matches several" in result.stderr
    for treatment_id in ids:
        assert treatment_id in result.stderr


def test_library_resolves_like_the_cli() -> None:
    catalogue = trdcli.load_catalogue()
    for typed, expected in MUST_RESOLVE.items():
        assert trdcli.resolve(catalogue, typed).id == expected
    with pytest.raises(trdcli.NameNotFound) as caught:
        trdcli.resolve(catalogue, "ketamne")
    assert caught.value.candidates[0] == "ketamine"


@functools.cache
def _catalogue() -> trdcli.Catalogue:
    """Loaded once: the properties are about names, not loading."""
    return trdcli.load_catalogue()


@examples(200)
@given(data=st.data())
def test_every_alias_resolves_whatever_its_case_and_separators(data: st.DataObject) -> None:
    catalogue = _catalogue()
    treatment = data.draw(st.sampled_from(catalogue.treatments))
    name = data.draw(st.sampled_from([treatment.id, treatment.name, *treatment.aliases]))
    separator = data.draw(st.sampled_from([" ", "-", "_", "  "]))
    typed = "".join(
        c.upper() if data.draw(st.booleans()) else c for c in name.replace(" ", separator)
    )
    assert trdcli.resolve(catalogue, typed).id == treatment.id


@examples(200)
@given(text=st.text(max_size=40))
def test_any_text_resolves_or_fails_cleanly(text: str) -> None:
    catalogue = _catalogue()
    try:
        trdcli.resolve_topic(catalogue, text)
    except trdcli.NameNotFound as error:
        assert str(error)
