#!/bin/bash
# test-cli-toolkit.sh: `soteria-cli toolkit`, the forensic window calculator (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-toolkit.sh PATH-TO-SOTERIA-CLI

set -eu

CLI=${1:?usage: test-cli-toolkit.sh PATH-TO-SOTERIA-CLI}
CLI=$(realpath "$CLI")

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-test-toolkit-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# The force's catalogue is read from XDG_CONFIG_HOME: never the real user's.
export HOME="$TMP/home"
export XDG_CONFIG_HOME="$TMP/config"
export XDG_DATA_HOME="$TMP/data"
export TZ=Europe/London
mkdir -p "$HOME" "$XDG_CONFIG_HOME"

n=0
failed=0
rc=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  echo "#   exit status: $rc"
  sed 's/^/#   stdout: /' "$TMP/out" 2>/dev/null | head -n 30 || true
  sed 's/^/#   stderr: /' "$TMP/err" 2>/dev/null | head -n 10 || true
}

run () {
  rc=0
  "$CLI" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
}

# expect DESCRIPTION STATUS PATTERN...: the last run exited with STATUS and stdout holds each
# fixed-string PATTERN.
expect () {
  local what=$1 status=$2
  shift 2
  if [ "$rc" -ne "$status" ]; then
    not_ok "$what"
    return
  fi
  for pattern in "$@"; do
    if ! grep -qF -- "$pattern" "$TMP/out"; then
      echo "#   missing: $pattern"
      not_ok "$what"
      return
    fi
  done
  ok "$what"
}

# The block of one sample type in the text output.
block () {
  awk -v id="[$1]" 'index($0, id) { on = 1; print; next } /^ *[0-9]+\. / { on = 0 } on' "$TMP/out"
}

expect_block () {
  local what=$1 id=$2
  shift 2
  block "$id" >"$TMP/block"
  for pattern in "$@"; do
    if ! grep -qF -- "$pattern" "$TMP/block"; then
      echo "#   missing in [$id]: $pattern"
      sed 's/^/#   block: /' "$TMP/block"
      not_ok "$what"
      return
    fi
  done
  ok "$what"
}

echo "1..17"

# Offence 30 Mar 2024 22:00 GMT; the clocks went forward that night. At 1 Apr 2024 12:00 BST
# (11:00 UTC): oral and skin (48 h, confirmed) close at 23:00 BST, 11 hours away: closing.
run toolkit --offence-time 2024-03-30T22:00 --at 2024-04-01T12:00
expect "text output for a known time" 0 \
  "Forensic window calculator" \
  "Catalogue: Soteria Workbench built-in forensic catalogue, version 2026.1" \
  "Offence:   30 Mar 2024 22:00 GMT" \
  "At:        1 Apr 2024 12:00 BST"
expect_block "oral: 48 h confirmed, closing, deadline across the clock change" oral \
  "window:   48 hours, confirmed" "status:   closing" \
  "deadline: 1 Apr 2024 23:00 BST (11 h 0 min left)"
expect_block "vaginal: 168 h confirmed, open" vaginal \
  "window:   168 hours, confirmed" "status:   open" "deadline: 6 Apr 2024 23:00 BST"
expect_block "penile: unconfirmed figure says to verify" penile \
  "window:   72 hours — verify against the current FFLM table" "status:   open"
expect_block "hair combings: no figure" hair-combings \
  "window:   no figure — verify against the current FFLM table" "status:   no-figure"
if [ "$(grep -c '^ *[0-9][0-9]*\. ' "$TMP/out")" -eq 12 ]; then
  ok "every sample type of the catalogue is listed"
else
  not_ok "every sample type of the catalogue is listed"
fi

# At the deadline itself the window is closed.
run toolkit --offence-time 2024-03-30T22:00 --at 2024-04-01T23:00
expect_block "at the deadline: closed" oral "status:   closed" "passed less than a minute ago"

# A range: certain and last possible deadlines.
run toolkit --offence-time 2024-03-30T22:00 --offence-until 2024-03-31T04:00 --at 2024-04-02T23:30
expect_block "range: certain passed, last possible ahead: closing" anal \
  "status:   closing" \
  "certain deadline:       2 Apr 2024 23:00 BST (passed 30 min ago)" \
  "last possible deadline: 3 Apr 2024 04:00 BST (4 h 30 min left)"

# JSON
run toolkit --offence-time 2024-03-30T22:00 --at 2024-04-01T12:00 --json
if [ "$rc" -eq 0 ] && python3 - "$TMP/out" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
s = {x["id"]: x for x in doc["samples"]}
assert doc["catalogue"]["version"] == "2026.1", doc["catalogue"]
assert doc["catalogue"]["origin"] == "built-in"
assert doc["offence_from"] == "2024-03-30T22:00:00Z"
assert doc["at"] == "2024-04-01T11:00:00Z"
assert len(doc["samples"]) == 12
assert s["oral"]["status"] == "closing" and s["oral"]["confirmed"] is True
assert s["oral"]["hours"] == 48 and s["oral"]["note"] is None
assert s["oral"]["certain_deadline"] == "2024-04-01T22:00:00Z"
assert s["oral"]["certain_deadline_local"] == "2024-04-01T23:00:00+01:00"
assert s["oral"]["seconds_left"] == 11 * 3600
assert s["vaginal"]["status"] == "open"
assert s["penile"]["confirmed"] is False
assert s["penile"]["note"] == "verify against the current FFLM table"
assert s["hair-combings"]["hours"] is None and s["hair-combings"]["status"] == "no-figure"
assert s["hair-combings"]["note"] == "no figure — verify against the current FFLM table"
confirmed = sorted(k for k, v in s.items() if v["confirmed"])
assert confirmed == ["anal", "oral", "skin", "vaginal"], confirmed
EOF
then
  ok "--json: a valid document with statuses, deadlines and confirmation"
else
  not_ok "--json: a valid document with statuses, deadlines and confirmation"
fi

# Usage errors: exit 2 and a message on stderr.
usage () {
  local what=$1
  shift
  run "$@"
  if [ "$rc" -eq 2 ] && grep -q '^soteria-cli: ' "$TMP/err" && [ ! -s "$TMP/out" ]; then
    ok "$what"
  else
    not_ok "$what"
  fi
}

usage "--offence-until before --offence-time exits 2" \
  toolkit --offence-time 2024-03-30T22:00 --offence-until 2024-03-30T21:00
usage "an impossible date exits 2" toolkit --offence-time 2024-02-30T22:00
usage "a malformed --at exits 2" toolkit --offence-time 2024-03-30T22:00 --at yesterday
usage "no --offence-time exits 2" toolkit
usage "an unknown option exits 2" toolkit --offence-time 2024-03-30T22:00 --frobnicate

# --at defaults to now: an offence a minute ago has every figure open.
run toolkit --offence-time "$(date -u -d '1 minute ago' +%Y-%m-%dT%H:%MZ)"
expect_block "--at defaults to now" oral "status:   open"

# The force's catalogue: a malformed file is refused with its line, and the built-in one used.
mkdir -p "$XDG_CONFIG_HOME/soteria-workbench"
printf '[Catalogue]\nmode=extend\n[penile]\ncomplainant-hours=-3\n' \
  >"$XDG_CONFIG_HOME/soteria-workbench/forensic-catalogue.ini"
run toolkit --offence-time 2024-03-30T22:00 --at 2024-04-01T12:00
if [ "$rc" -eq 0 ] && grep -qF 'line 4' "$TMP/err" && grep -qF 'built-in catalogue is in use' "$TMP/err" \
   && grep -qF '72 hours — verify' "$TMP/out"; then
  ok "a malformed force catalogue is refused with its line; the built-in one is used"
else
  not_ok "a malformed force catalogue is refused with its line; the built-in one is used"
fi

# A valid extension is used, and says so.
printf '[Catalogue]\nmode=extend\nversion=2026.1-force\n[semen-stain]\nlabel=Semen stain on a garment\norder=12\n' \
  >"$XDG_CONFIG_HOME/soteria-workbench/forensic-catalogue.ini"
run toolkit --offence-time 2024-03-30T22:00 --at 2024-04-01T12:00 --json
if [ "$rc" -eq 0 ] && grep -qE '"origin" ?: "extended"' "$TMP/out" && grep -qE '"id" ?: "semen-stain"' "$TMP/out"; then
  ok "a valid force catalogue extends the built-in one"
else
  not_ok "a valid force catalogue extends the built-in one"
fi

if [ "$failed" -gt 0 ]; then
  exit 1
fi
