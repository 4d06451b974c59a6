#!/usr/bin/env bash
# GUI smoke test: starts the release binary under Xvfb on the sample project, waits for the
# window titled "Copydesk", takes a screenshot and checks that it is not blank.
# Usage: scripts/gui-smoke.sh [SCREENSHOT.png]   (default: target/gui-smoke.png)
set -euo pipefail
cd "$(dirname "$0")/.."

shot=${1:-target/gui-smoke.png}
target_dir=${CARGO_TARGET_DIR:-target}
binary="$target_dir/release/copydesk"
[ -x "$binary" ] || cargo build --release --locked
for tool in Xvfb xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "gui-smoke: $tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 2; }
done

# A free display number.
display=99
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
data_dir=$(mktemp -d)
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >"$data_dir/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
# The display is waited for (up to 30 s: a machine busy with a build can take seconds to start
# Xvfb), so that the app never starts without one.
ready=""
for _ in $(seq 300); do
  if xdotool getdisplaygeometry >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$xvfb_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$ready" ] || { echo "gui-smoke: Xvfb did not start on :$display" >&2; cat "$data_dir/xvfb.log" >&2; exit 1; }

# The sample is copied into a throw-away data folder: the smoke test never touches the user's.
COPYDESK_DATA_DIR="$data_dir" LIBGL_ALWAYS_SOFTWARE=1 "$binary" >"$data_dir/app.log" 2>&1 &
app_pid=$!

window=""
for _ in $(seq 300); do
  window=$(xdotool search --name '^Copydesk' 2>/dev/null | head -n1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "gui-smoke: the app exited early:" >&2; cat "$data_dir/app.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$window" ] || { echo "gui-smoke: no window titled Copydesk within 30 s" >&2; cat "$data_dir/app.log" >&2; exit 1; }
title=$(xdotool getwindowname "$window")
sleep 2 # let the first frames render

mkdir -p "$(dirname "$shot")"
import -window root "$shot"
colours=$(convert "$shot" -format '%k' info:)
spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "gui-smoke: window \"$title\"; screenshot $shot: $colours colours, grey deviation $spread"
if [ "$colours" -lt 8 ] || awk "BEGIN { exit !($spread < 0.02) }"; then
  echo "gui-smoke: the screenshot is blank" >&2
  exit 1
fi
kill -0 "$app_pid" 2>/dev/null || { echo "gui-smoke: the app died" >&2; exit 1; }
echo "gui-smoke: ok"
