"""Lay round 3's resolved identifiers (result-8.yaml) into data/treatments.yaml; apply.py
replays rounds 1-7 against ids some of which were later renamed, so round 3 stands alone.

Run from the project root: .venv/bin/python docs/research/citations-2026-12/apply-8.py
"""
import re
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CATALOGUE = Path("data/treatments.yaml")
FIELDS = ("title", "authors", "year", "publisher", "kind", "pmid", "doi", "url", "read_at")

text = CATALOGUE.read_text(encoding="utf-8")
first_line = text.split("\n", 1)[0]
data = yaml.safe_load(text)
for source_id, result in yaml.safe_load((HERE / "result-8.yaml").read_text()).items():
    if "unresolved" in result:
        continue
    source = data["sources"][source_id]
    for field in FIELDS:
        if field in result:
            source[field] = str(result[field]) if field in ("pmid", "doi") else result[field]
    print("applied", source_id)
out = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
out = re.sub(r"^(\s*(?:released|reviewed): )'(\d{4}-\d{2}-\d{2})'$", r'\1"\2"', out,
             flags=re.MULTILINE)
CATALOGUE.write_text(first_line + "\n" + out, encoding="utf-8")
