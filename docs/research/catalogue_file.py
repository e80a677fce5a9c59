"""Read and write data/treatments.yaml for the research scripts, always in the same layout:
the first line (the schema comment) kept, 100 columns, dates double-quoted.

Scripts run from the project root and import it with:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from catalogue_file import load, save
"""
import re
from pathlib import Path
from typing import Any

import yaml

CATALOGUE = Path("data/treatments.yaml")


def load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return data


def save(data: dict[str, Any]) -> None:
    first_line = CATALOGUE.read_text(encoding="utf-8").split("\n", 1)[0]
    out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
                 flags=re.MULTILINE)
    CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
