"""Lay round 3's resolved identifiers (result-8.yaml) into data/treatments.yaml; apply.py
replays rounds 1-7 against ids some of which were later renamed, so round 3 stands alone.

Run from the project root: .venv/bin/python docs/research/citations-2026-12/apply-8.py
"""
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from catalogue_file import SOURCE_FIELDS, load, save

HERE = Path(__file__).parent

data = load()
for source_id, result in yaml.safe_load((HERE / "result-8.yaml").read_text()).items():
    if "unresolved" in result:
        continue
    source = data["sources"][source_id]
    for field in SOURCE_FIELDS:
        if field in result:
            source[field] = str(result[field]) if field in ("pmid", "doi") else result[field]
    print("applied", source_id)
save(data)
