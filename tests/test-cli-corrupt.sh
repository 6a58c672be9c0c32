#!/bin/bash
# test-cli-corrupt.sh: damaged workspaces (cut short, bytes changed in pages, header damaged)
# make `info`, `audit verify` and `export` succeed or fail with a clear message and exit 1,
# never crash, and never write into a damaged file (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-corrupt.sh PATH-TO-SOTERIA-CLI
# SOT_CORRUPT_CASES (default 300) sets how many damaged copies are tried; SOT_CORRUPT_SEED
# repeats a run.

set -eu

CLI=${1:?usage: test-cli-corrupt.sh PATH-TO-SOTERIA-CLI}
NAME=corrupt
# shellcheck source=tests/cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

CASES=${SOT_CORRUPT_CASES:-300}
SEED=${SOT_CORRUPT_SEED:-$$}
RANDOM=$SEED
echo "# seed $SEED (SOT_CORRUPT_SEED=$SEED repeats this run)"

GOOD="$TMP/good.db"
run --db "$GOOD" demo --investigations 12 --today 2025-06-30
check "a small workspace to damage" exit_is 0
run --db "$GOOD" export --out "$TMP/first" --recipient "Evaluator" --purpose "Test"
check "with an export in its audit log" exit_is 0
SIZE=$(stat -c %s "$GOOD")
PAGE=$(sqlite3 "$GOOD" "PRAGMA page_size")
PAGES=$((SIZE / PAGE))

big_random () { echo $(((RANDOM << 15 | RANDOM) % $1)); }

# make_copy N: writes the Nth damaged copy to $TMP/bad.db and names the damage in $what.
make_copy () {
  cp "$GOOD" "$TMP/bad.db"
  case $(($1 % 3)) in
    0)
      local length
      length=$(big_random "$SIZE")
      truncate -s "$length" "$TMP/bad.db"
      what="cut to $length bytes" ;;
    1)
      local page offset
      page=$(big_random "$PAGES")
      for _ in 1 2 3 4; do
        offset=$((page * PAGE + $(big_random "$PAGE")))
        printf "\\$(printf '%03o' $((RANDOM % 256)))" |
          dd of="$TMP/bad.db" bs=1 seek="$offset" conv=notrunc 2>/dev/null
      done
      what="bytes changed in page $((page + 1))" ;;
    2)
      local offset
      offset=$((RANDOM % 100))
      printf "\\$(printf '%03o' $((RANDOM % 256)))\\$(printf '%03o' $((RANDOM % 256)))" |
        dd of="$TMP/bad.db" bs=1 seek="$offset" conv=notrunc 2>/dev/null
      what="header bytes $offset-$((offset + 1)) changed" ;;
  esac
}

crashes=0
unclear=0
written=0
for i in $(seq 1 "$CASES"); do
  make_copy "$i"
  damaged=0
  [ "$(sqlite3 "$TMP/bad.db" 'PRAGMA integrity_check' 2>/dev/null | head -n 1)" = ok ] || damaged=1
  before=$(checksum "$TMP/bad.db")
  rm -rf "$TMP/out-pkg"
  for command in info "audit verify" export; do
    if [ "$command" = export ]; then
      run --db "$TMP/bad.db" export --out "$TMP/out-pkg" --recipient "Evaluator" --purpose "Test"
    else
      # shellcheck disable=SC2086 # the command is split on purpose
      run --db "$TMP/bad.db" $command
    fi
    if ! no_crash || { [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; }; then
      crashes=$((crashes + 1))
      not_ok "case $i ($what): $command crashed or exited $rc"
    elif [ "$rc" -eq 1 ] && ! err_prefixed; then
      unclear=$((unclear + 1))
      not_ok "case $i ($what): $command failed without a clear message"
    fi
  done
  if [ "$damaged" -eq 1 ] && [ "$(checksum "$TMP/bad.db")" != "$before" ]; then
    written=$((written + 1))
    # Opening read-only first (no WAL merge, no migration) is the other half of issue 18.
    not_ok "case $i ($what): a damaged file was written into # TODO read-only opening"
  fi
  rm -f "$TMP/bad.db-wal" "$TMP/bad.db-shm" "$TMP/bad.db-journal"
done

rc=0
: >"$TMP/out"
: >"$TMP/err"
check "$CASES damaged copies: no crash" test "$crashes" -eq 0
check "$CASES damaged copies: every failure says why with exit 1" test "$unclear" -eq 0
check "no damaged workspace was exported" absent "$TMP/out-pkg"

finish
