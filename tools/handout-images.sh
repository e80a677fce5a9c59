#!/usr/bin/env bash
# Re-make the handout pictures in the README: the HTML handout printed by headless Chromium
# (the same way tests/test_handout.py prints it), pages 1 and 3 turned into PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trd compare ketamine tms ect --format html -o "$work/handout.html"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/handout.pdf" "file://$work/handout.html" 2>/dev/null
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/handout.pdf" docs/img/handout-page-1
pdftoppm -r 60 -png -f 3 -l 3 -singlefile "$work/handout.pdf" docs/img/handout-page-3
ls -l docs/img
