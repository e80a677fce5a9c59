"""The printable handout in a real browser: headless Chromium prints it to PDF, and the
PDF's text must carry every option, every source, the catalogue version and the disclaimer.

CI installs Chromium and poppler-utils (see .ci/run); without them this test is skipped
and says which program is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import invoke
from trdcli import load_catalogue
from trdcli.safety import DISCLAIMER

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
PDFTOTEXT = shutil.which("pdftotext")
MISSING = "the handout browser test needs Chromium and pdftotext " \
          "(Debian: apt-get install chromium poppler-utils); .ci/run installs both"
if CHROMIUM is None or PDFTOTEXT is None:
    # CI sets TRD_REQUIRE_BROWSER so that a failed install fails the run instead of skipping.
    if os.environ.get("TRD_REQUIRE_BROWSER"):
        raise RuntimeError(MISSING)
    pytestmark = pytest.mark.skip(reason=MISSING)


def squeeze(text: str) -> str:
    """Text without whitespace, so a line or word broken across PDF lines still matches."""
    return re.sub(r"\s+", "", text)


def print_to_pdf(html: Path, pdf: Path) -> str:
    assert CHROMIUM and PDFTOTEXT
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    result = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True,
                            capture_output=True, timeout=60)
    return result.stdout.decode("utf-8")


def test_compare_handout_prints_with_every_name_source_and_the_disclaimer(
        tmp_path: Path) -> None:
    handout = tmp_path / "handout.html"
    result = invoke("compare", "ketamine", "tms", "ect", "--format", "html", "-o", str(handout))
    assert result.exit_code == 0, result.stderr
    text = squeeze(print_to_pdf(handout, tmp_path / "handout.pdf"))
    document = invoke("compare", "ketamine", "tms", "ect", "--json").json()
    catalogue = load_catalogue()
    for treatment in document["treatments"]:
        assert squeeze(treatment["name"]) in text, treatment["name"]
    html = handout.read_text(encoding="utf-8")
    listed = {int(n) for n in re.findall(r'<li value="(\d+)">', html)}
    assert listed  # every source a bar or pictogram cites, numbered as in the JSON
    for source in document["sources"]:
        if source["ref"] in listed:
            assert squeeze(catalogue.sources[source["id"]].title) in text, source["id"]
    assert squeeze(f"catalogue {catalogue.version}, released {catalogue.released}") in text
    assert squeeze(DISCLAIMER) in text
    assert squeeze("in 100") in text
    assert squeeze("Response and remission, against the comparator") in text


PDFINFO = shutil.which("pdfinfo")


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_decision_aid_prints_on_four_pages_for_three_options(tmp_path: Path,
                                                                  paper: str) -> None:
    from trdcli.query import CLINICIAN_QUESTIONS, HANDOUT_QUESTIONS, WHAT_MATTERS

    handout = tmp_path / "handout.html"
    result = invoke("handout", "esketamine", "ect", "rtms", "--format", "html", "--paper",
                    paper, "-o", str(handout))
    assert result.exit_code == 0, result.stderr
    pdf = tmp_path / "handout.pdf"
    text = squeeze(print_to_pdf(handout, pdf))
    assert PDFINFO, MISSING
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])  # type: ignore[index]
    assert pages <= 4, pages
    width = float(re.search(r"^Page size:\s+([\d.]+)", info, re.MULTILINE)[1])  # type: ignore[index]
    assert round(width) == {"letter": 612, "a4": 595}[paper]
    document = invoke("handout", "esketamine", "ect", "rtms", "--json").json()
    catalogue = load_catalogue()
    for treatment_id in document["ids"]:
        name = next(t.name for t in catalogue.treatments if t.id == treatment_id)
        assert squeeze(name) in text
    # Table cells wrap, and pdftotext interleaves columns: their words are checked in the
    # page; headings and sentences in the printed text.
    page = handout.read_text(encoding="utf-8")
    for words in [*HANDOUT_QUESTIONS.values(), *WHAT_MATTERS]:
        assert words in page, words
    for words in [*CLINICIAN_QUESTIONS, "What matters to you?",
                  "Questions to ask your clinician", DISCLAIMER]:
        assert squeeze(words) in text, words
    with_situation = invoke("handout", "esketamine", "ect", "--situation", "pregnancy",
                            "--format", "html").stdout
    assert "If I have: pregnancy" in with_situation
