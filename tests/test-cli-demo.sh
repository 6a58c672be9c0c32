#!/bin/bash
# test-cli-demo.sh: `soteria-cli demo` only into a new file or an empty training workspace,
# and never leaves a workspace behind that looks real (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-demo.sh PATH-TO-SOTERIA-CLI

set -eu

CLI=${1:?usage: test-cli-demo.sh PATH-TO-SOTERIA-CLI}
NAME=demo
# shellcheck source=tests/cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

# Without --db: the training workspace, and the help says so.
run demo --help
check "demo --help names the training workspace as the default" out_has "training.db"
run demo --investigations 2 --today 2025-03-01
check "demo without --db exits 0" exit_is 0
DATA="$XDG_DATA_HOME/soteria-workbench"
check "demo without --db writes the training workspace" test -f "$DATA/training.db"
check "demo without --db creates no real workspace" absent "$DATA/workbench.db"

# An existing workspace with real data is refused, even an empty one, and left as it was.
DB="$TMP/real.db"
run --db "$DB" demo --investigations 2 --today 2025-03-01
sqlite3 "$DB" "UPDATE workspace SET value = 'real' WHERE key = 'kind'"
BEFORE=$(checksum "$DB")
run --db "$DB" demo --investigations 2
check "demo refuses a real workspace (exit 1)" exit_is 1
check "the refusal says it holds real data" err_has "real data"
check "the real workspace is unchanged" test "$(checksum "$DB")" = "$BEFORE"

# A file that is there but is no workspace is refused and kept.
printf 'not a workspace' >"$TMP/other.db"
BEFORE=$(checksum "$TMP/other.db")
run --db "$TMP/other.db" demo --investigations 2
check "demo refuses a file that is not a workspace (exit 1)" exit_is 1
check "that file is unchanged" test "$(checksum "$TMP/other.db")" = "$BEFORE"

# A leftover of a killed run is removed, with a note, and the run goes on.
DB="$TMP/leftover.db"
printf 'half a workspace' >"$DB.partial-demo"
printf 'half a journal' >"$DB.partial-demo-wal"
run --db "$DB" demo --investigations 2 --today 2025-03-01
check "demo after a killed run exits 0" exit_is 0
check "it notes the unfinished workspace it removed" err_has "removed an unfinished demo workspace"
check "no partial file is left" \
  absent "$DB.partial-demo" "$DB.partial-demo-wal" "$DB.partial-demo-shm"

complete_training () { exit_is 0 && out_line "kind: training" && out_line "investigations: 3000"; }

# kill -9 at random moments: PATH is either absent or a complete training workspace; the next
# run removes what was left and succeeds.
for i in 1 2 3 4 5; do
  DB="$TMP/killed-$i.db"
  "$CLI" --db "$DB" demo --investigations 3000 --today 2025-03-01 >/dev/null 2>&1 </dev/null &
  pid=$!
  sleep "$(random_delay 1500)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -e "$DB" ]; then
    run --db "$DB" info
    check "killed run $i: the workspace in place is complete training data" \
      complete_training
  else
    ok "killed run $i: no workspace was put in place"
  fi
  rm -f "$DB"
  run --db "$DB" demo --investigations 20 --today 2025-03-01
  check "killed run $i: the next run succeeds" exit_is 0
  check "killed run $i: the next run leaves no partial file" \
    absent "$DB.partial-demo" "$DB.partial-demo-wal" "$DB.partial-demo-shm"
  run --db "$DB" audit verify
  check "killed run $i: the new workspace's audit chain is intact" exit_is 0
done

finish
