#!/bin/bash
# test-cli-export-safety.sh: `soteria-cli export` cleans what killed exports left, takes
# --out DIR/, and refuses a damaged workspace without writing into it (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-export-safety.sh PATH-TO-SOTERIA-CLI

set -eu

CLI=${1:?usage: test-cli-export-safety.sh PATH-TO-SOTERIA-CLI}
NAME=export-safety
# shellcheck source=tests/cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

DB="$TMP/w.db"
run --db "$DB" demo --investigations 60 --today 2025-06-30
check "a training workspace to export" exit_is 0

# --out with a trailing slash names the folder itself.
run --db "$DB" export --out "$TMP/slash/" --recipient "Evaluator" --purpose "Test"
check "export --out DIR/ exits 0" exit_is 0
check "export --out DIR/ writes the package into DIR" test -f "$TMP/slash/datapackage.json"
check "export --out DIR/ leaves no temporary folder" \
  test -z "$(find "$TMP" -maxdepth 2 -name '.*.partial-*')"

# A leftover of a killed export beside the target is removed, with a note.
mkdir -p "$TMP/exports/.old.partial-Ab12Cd"
echo "pseudonymised,rows" >"$TMP/exports/.old.partial-Ab12Cd/records.csv"
run --db "$DB" export --out "$TMP/exports/new" --recipient "Evaluator" --purpose "Test"
check "export after a killed one exits 0" exit_is 0
check "it notes the unfinished export it removed" err_has "removed an unfinished export from"
check "the leftover folder is gone" absent "$TMP/exports/.old.partial-Ab12Cd"

# A folder a running export holds (its lock) is left alone.
if command -v flock >/dev/null; then
  mkdir -p "$TMP/exports/.busy.partial-Xy34Zw"
  flock "$TMP/exports/.busy.partial-Xy34Zw" sleep 5 &
  holder=$!
  sleep 0.3
  run --db "$DB" export --out "$TMP/exports/third" --recipient "Evaluator" --purpose "Test"
  check "export beside a running one exits 0" exit_is 0
  check "the running export's folder is kept" test -d "$TMP/exports/.busy.partial-Xy34Zw"
  kill "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
fi

# A damaged workspace: refused, exit 1, a clear message, no package, no audit row.
cp "$DB" "$TMP/damaged.db"
damage "$TMP/damaged.db" victim
BEFORE=$(checksum "$TMP/damaged.db")
run --db "$TMP/damaged.db" export --out "$TMP/from-damaged" --recipient "Evaluator" --purpose "Test"
check "export refuses a damaged workspace (exit 1)" exit_is 1
check "the refusal says it is damaged" err_has "damaged"
check "the refusal is one clear line with the prefix" err_prefixed
check "no package was written" absent "$TMP/from-damaged"
check "the damaged workspace is byte for byte as it was" \
  test "$(checksum "$TMP/damaged.db")" = "$BEFORE"

finish
