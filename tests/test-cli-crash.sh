#!/bin/bash
# test-cli-crash.sh: soteria-cli writes (demo into a new file, export, backup) killed with
# SIGKILL at random moments leave a workspace that opens and verifies, and the next run
# removes what the killed one left (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-crash.sh PATH-TO-SOTERIA-CLI
# SOT_CRASH_RUNS (default 25) sets the kills per command; SOT_CRASH_SEED repeats a run.

set -eu

CLI=${1:?usage: test-cli-crash.sh PATH-TO-SOTERIA-CLI}
NAME=crash
# shellcheck source=tests/cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

RUNS=${SOT_CRASH_RUNS:-25}
SEED=${SOT_CRASH_SEED:-$$}
RANDOM=$SEED
echo "# seed $SEED (SOT_CRASH_SEED=$SEED repeats this run)"

# kill_at MS ARGS...: starts soteria-cli ARGS, kills it with SIGKILL within MS milliseconds.
kill_at () {
  local ms=$1 pid
  shift
  "$CLI" "$@" >/dev/null 2>&1 </dev/null &
  pid=$!
  sleep "$(random_delay "$ms")"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

leftovers () { find "$TMP" -name '*.partial-*' -o -name '.*.partial-*'; }

# sound DB: the workspace opens and its audit chain verifies.
sound () {
  "$CLI" --db "$1" info >/dev/null 2>"$TMP/err" &&
    "$CLI" --db "$1" audit verify >/dev/null 2>>"$TMP/err"
}

failures=0
fail () {
  failures=$((failures + 1))
  echo "# $1"
  sed 's/^/#   stderr: /' "$TMP/err" 2>/dev/null | head -n 5 || true
}

# demo into a new file: the path is absent or a complete training workspace.
for i in $(seq 1 "$RUNS"); do
  DB="$TMP/demo.db"
  rm -f "$DB"
  kill_at 400 --db "$DB" demo --investigations 300 --today 2025-06-30
  if [ -e "$DB" ] && ! sound "$DB"; then
    fail "demo run $i: the workspace in place does not open and verify"
  fi
  rm -f "$DB"
  if ! "$CLI" --db "$DB" demo --investigations 5 --today 2025-06-30 >/dev/null 2>"$TMP/err" ||
     ! sound "$DB" || [ -n "$(leftovers)" ]; then
    fail "demo run $i: the next run failed or left a partial file"
  fi
done
rc=0
: >"$TMP/out"
: >"$TMP/err"
check "demo killed $RUNS times: every workspace opens and verifies, nothing is left" \
  test "$failures" -eq 0

# export: the workspace stays sound; the next export removes the killed one's folder.
failures=0
DB="$TMP/source.db"
"$CLI" --db "$DB" demo --investigations 150 --today 2025-06-30 >/dev/null 2>&1
for i in $(seq 1 "$RUNS"); do
  rm -rf "$TMP/exports/killed"
  kill_at 500 --db "$DB" export --out "$TMP/exports/killed" --recipient "Evaluator" --purpose "Test"
  if ! sound "$DB"; then
    fail "export run $i: the workspace does not open and verify"
  fi
  rm -rf "$TMP/exports/next"
  if ! "$CLI" --db "$DB" export --out "$TMP/exports/next" --recipient "Evaluator" --purpose "Test" \
       >/dev/null 2>"$TMP/err" || [ -n "$(leftovers)" ] || ! sound "$DB"; then
    fail "export run $i: the next export failed or left a temporary folder"
  fi
done
rc=0
check "export killed $RUNS times: the workspace verifies, no temporary folder survives" \
  test "$failures" -eq 0

# backup: the workspace stays sound; the next backup removes the killed one's file.
failures=0
for i in $(seq 1 "$RUNS"); do
  rm -f "$TMP/backups/killed.bak" "$TMP/backups/next.bak"
  mkdir -p "$TMP/backups"
  kill_at 300 --db "$DB" backup --out "$TMP/backups/killed.bak"
  if ! sound "$DB"; then
    fail "backup run $i: the workspace does not open and verify"
  fi
  if [ -e "$TMP/backups/killed.bak" ] &&
     [ "$(sqlite3 "$TMP/backups/killed.bak" 'PRAGMA integrity_check')" != ok ]; then
    fail "backup run $i: a backup in place is damaged"
  fi
  if ! "$CLI" --db "$DB" backup --out "$TMP/backups/next.bak" >/dev/null 2>"$TMP/err" ||
     [ -n "$(leftovers)" ]; then
    fail "backup run $i: the next backup failed or left a temporary file"
  fi
done
rc=0
check "backup killed $RUNS times: the workspace verifies, no temporary file survives" \
  test "$failures" -eq 0

finish
