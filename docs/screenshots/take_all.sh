#!/bin/sh
# Refresh every screenshot of the user guide and the README, under Xvfb for real fonts, on the
# screens officers use (1366×768 and 1920×1080; the README's at 1400×900):
#     sh docs/screenshots/take_all.sh [output folder]      (or: make screenshots)
# Needs Xvfb and xdotool (the drag screenshots move a real mouse). Look at the PNGs after.
set -e
OUT=${1:-docs/screenshots}
PY=${PY:-.venv/bin/python}
HERE=docs/screenshots
Xvfb :81 -screen 0 1366x768x24 >/dev/null 2>&1 &
SMALL=$!
Xvfb :82 -screen 0 1920x1080x24 >/dev/null 2>&1 &
WIDE=$!
Xvfb :83 -screen 0 1400x900x24 >/dev/null 2>&1 &
README=$!
trap 'kill $SMALL $WIDE $README' EXIT
sleep 1
export QT_QPA_PLATFORM=xcb
DISPLAY=:81 $PY $HERE/take_filter_screenshots.py "$OUT"
DISPLAY=:82 $PY $HERE/take_filter_screenshots.py "$OUT"
DISPLAY=:81 $PY $HERE/take_document_screenshots.py "$OUT"
DISPLAY=:82 $PY $HERE/take_window_screenshots.py "$OUT"
DISPLAY=:82 $PY $HERE/take_habits_screenshots.py "$OUT"
DISPLAY=:82 $PY $HERE/take_register_fixes_screenshots.py "$OUT"
DISPLAY=:82 $PY $HERE/take_drag_screenshots.py "$OUT" 1366
DISPLAY=:82 $PY $HERE/take_drag_screenshots.py "$OUT" 1920
DISPLAY=:83 $PY $HERE/take_guide_screenshots.py "$OUT"
DISPLAY=:83 $PY $HERE/take_screenshots.py "$OUT"
