#!/bin/bash
# test-atspi.sh: the window heard over the real accessibility bus: with a case open and every
# page visited, no interactive control is read by its class name or with a mnemonic
# underscore (TAP output). Runs inside tools/test's X server and session bus.
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-atspi.sh PATH-TO-SOTERIA-WORKBENCH PATH-TO-ATSPI-PROBE
set -u
APP=${1:?usage: test-atspi.sh APP PROBE}
PROBE=${2:?usage: test-atspi.sh APP PROBE}

echo "1..1"
for tool in xdotool /usr/libexec/at-spi-bus-launcher; do
  if ! command -v "$tool" >/dev/null; then
    echo "ok 1 # SKIP $tool is not installed"
    exit 0
  fi
done
if ! /usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
  echo "ok 1 # SKIP the Atspi typelib is not installed"
  exit 0
fi
if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "ok 1 # SKIP no X display or session bus"
  exit 0
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-test-atspi-XXXXXX")
pids=()
cleanup () {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

export XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config" HOME="$TMP"
unset GTK_A11Y NO_AT_BRIDGE  # the real accessibility backend, not the test one
mkdir -p "$XDG_DATA_HOME"

/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
pids+=($!)
sleep 1
"$APP" --training >"$TMP/app.log" 2>&1 &
pids+=($!)

# The training workspace is made on first start; the window shows its list then.
for _ in $(seq 1 60); do
  xdotool search --onlyvisible --pid "${pids[1]}" >/dev/null 2>&1 && break
  sleep 0.5
done
sleep 3

# A case of the list (the window sits at 0,0 without a window manager), then every page.
xdotool mousemove 170 400 click 1
sleep 1
for page in 2 3 4 5 1; do
  xdotool key "alt+$page"
  sleep 1
done

if /usr/bin/python3 "$PROBE" >"$TMP/probe.log" 2>&1; then
  echo "ok 1 - every interactive control has a real name"
  sed 's/^/# /' "$TMP/probe.log"
else
  echo "not ok 1 - every interactive control has a real name"
  sed 's/^/# /' "$TMP/probe.log"
  sed 's/^/#   app: /' "$TMP/app.log" | head -n 20
fi
