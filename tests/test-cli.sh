#!/bin/bash
# test-cli.sh: soteria-cli end to end, on temporary workspaces (TAP output; exit 1 on a failure)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh PATH-TO-SOTERIA-CLI
# Needs: sqlite3 (the command-line tool), sha256sum, stat.

set -eu

CLI=${1:?usage: test-cli.sh PATH-TO-SOTERIA-CLI}
CLI=$(realpath "$CLI")

for tool in sqlite3 sha256sum stat; do
  if ! command -v "$tool" >/dev/null; then
    echo "Bail out! $tool is not installed"
    exit 1
  fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-test-cli-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Never touch the real user's workspace: the default --db lives under XDG_DATA_HOME.
export HOME="$TMP/home"
export XDG_DATA_HOME="$TMP/xdg"
mkdir -p "$HOME"

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
  sed 's/^/#   stdout: /' "$TMP/out" 2>/dev/null | head -n 20 || true
  sed 's/^/#   stderr: /' "$TMP/err" 2>/dev/null | head -n 20 || true
}

# run ARGS...: runs soteria-cli, keeping stdout, stderr and the exit status ($rc).
run () {
  rc=0
  "$CLI" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || rc=$?
}

# check DESCRIPTION COMMAND...: one TAP line from whether COMMAND succeeds.
check () {
  local description=$1
  shift
  if "$@"; then
    ok "$description"
  else
    not_ok "$description"
  fi
}

out_has () { grep -q -- "$1" "$TMP/out"; }
err_has () { grep -q -- "$1" "$TMP/err"; }
out_line () { grep -qx -- "$1" "$TMP/out"; }
exit_is () { [ "$rc" -eq "$1" ]; }
err_prefixed () { [ -s "$TMP/err" ] && head -n 1 "$TMP/err" | grep -q '^soteria-cli: '; }
out_empty () { [ ! -s "$TMP/out" ]; }
absent () { local f; for f in "$@"; do [ ! -e "$f" ] || return 1; done; }
checksum () { sha256sum "$1" | cut -d ' ' -f 1; }
info_value () { sed -n "s/^$1: //p" "$TMP/out"; }

# --version, and the schema version this program writes

run --version
check "--version exits 0" exit_is 0
check "--version names the program" out_has '^soteria-cli [0-9]'
SCHEMA=$(sed -n 's/.*schema version \([0-9][0-9]*\).*/\1/p' "$TMP/out")
check "--version names the workspace schema version" test -n "$SCHEMA"

# --help on the tool and on each command

run --help
check "--help exits 0" exit_is 0
check "--help lists the commands" sh -c "grep -q demo '$TMP/out' && grep -q info '$TMP/out' && grep -q 'audit verify' '$TMP/out'"

for command in "demo" "info" "audit" "audit verify" "help"; do
  # shellcheck disable=SC2086 # the command is split on purpose
  run $command --help
  check "$command --help exits 0 with a usage" sh -c "[ $rc -eq 0 ] && grep -q '^Usage:' '$TMP/out' && grep -q -- '$command' '$TMP/out'"
done

run help demo
check "help demo shows the demo options" sh -c "[ $rc -eq 0 ] && grep -q -- '--investigations' '$TMP/out'"

run demo -h
check "demo -h exits 0" exit_is 0

# demo

DB="$TMP/demo.db"
run --db "$DB" demo --investigations 200 --seed 7 --today 2025-06-30
check "demo exits 0" exit_is 0
check "demo prints a summary line" out_has '200'
check "demo prints no progress when stderr is not a terminal" test ! -s "$TMP/err"
check "demo creates the workspace" test -f "$DB"
check "the new workspace file has mode 0600" test "$(stat -c %a "$DB")" = 600

run --db "$DB" info
check "info exits 0" exit_is 0
check "info shows the schema version" out_line "schema_version: $SCHEMA"
check "info shows investigations: 200" out_line "investigations: 200"
check "info shows the demo workspace as training data" out_line "kind: training"
check "info shows the absolute path" out_line "path: $(realpath -s "$DB")"
for key in victims suspects witnesses repeat_suspects audit_records; do
  check "info shows $key as a number" sh -c "grep -qE '^$key: [0-9]+\$' '$TMP/out'"
done
check "info prints only key: value lines" sh -c "! grep -vqE '^[a-z_]+: .+\$' '$TMP/out'"
check "info shows victims for every investigation" test "$(info_value victims)" -ge 200
check "info shows repeat suspects" test "$(info_value repeat_suspects)" -gt 0
AUDIT_RECORDS=$(info_value audit_records)
check "info shows an audit record per write" test "${AUDIT_RECORDS:-0}" -gt 200

run --db "$DB" audit verify
check "audit verify exits 0 on an intact chain" exit_is 0
check "audit verify says the chain is intact" out_line "audit chain intact: $AUDIT_RECORDS records"

run audit verify --db "$DB"
check "audit verify takes --db after the command too" sh -c "[ $rc -eq 0 ] && grep -q 'audit chain intact:' '$TMP/out'"

OPERATORS=$(sqlite3 "$DB" "SELECT group_concat (DISTINCT operator) FROM audit_log")
check "audit rows carry the login name as operator" test "$OPERATORS" = "$(id -un)"

# The same seed and day make the same cases.
run --db "$TMP/demo-again.db" demo --investigations 200 --seed 7 --today 2025-06-30
CASES="SELECT uuid, crime_reference, offence_type, offence_from, offence_until, reported_on,
       recorded_on, officer, status, outcome_code, outcome_date FROM investigation ORDER BY id"
check "demo with the same seed and day makes the same cases" \
  test "$(sqlite3 "$DB" "$CASES" | sha256sum)" = "$(sqlite3 "$TMP/demo-again.db" "$CASES" | sha256sum)"
run --db "$TMP/demo-other.db" demo --investigations 200 --seed 8 --today 2025-06-30
check "demo with another seed makes other cases" \
  test "$(sqlite3 "$DB" "$CASES" | sha256sum)" != "$(sqlite3 "$TMP/demo-other.db" "$CASES" | sha256sum)"

# A workspace that holds cases is refused, and left as it was.
BEFORE=$(checksum "$DB")
run --db "$DB" demo --investigations 5
check "demo refuses a workspace that holds cases (exit 1)" exit_is 1
check "the refusal is a clear message on stderr" err_prefixed
check "the refusal names the workspace" err_has "$DB"
check "the refused workspace is unchanged" test "$(checksum "$DB")" = "$BEFORE"

# Ctrl+C during a long demo: the run is cancelled, rolled back, and its new file removed.
INTERRUPTED="$TMP/interrupted.db"
rc=0
"$CLI" --db "$INTERRUPTED" demo --investigations 200000 >"$TMP/out" 2>"$TMP/err" </dev/null &
pid=$!
# The handler is in place once the workspace is open: wait for the file, then a moment more.
for _ in $(seq 1 100); do
  [ -e "$INTERRUPTED.partial-demo" ] && break
  sleep 0.05
done
sleep 0.5
kill -INT "$pid" 2>/dev/null || true
wait "$pid" || rc=$?
check "demo interrupted by SIGINT exits 1" exit_is 1
check "demo interrupted by SIGINT says nothing was written" err_prefixed
check "demo interrupted by SIGINT leaves no file" absent "$INTERRUPTED" "$INTERRUPTED-wal" "$INTERRUPTED-shm" \
  "$INTERRUPTED.partial-demo" "$INTERRUPTED.partial-demo-wal" "$INTERRUPTED.partial-demo-shm"

# Tampering: drop the append-only triggers with the sqlite3 tool, then change the log.

cp "$DB" "$TMP/changed.db"
sqlite3 "$TMP/changed.db" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
                           UPDATE audit_log SET operator = 'someone else' WHERE id = 5;"
run --db "$TMP/changed.db" audit verify
check "audit verify exits 1 on a changed record" exit_is 1
check "audit verify names the changed record" err_has 'record 5\b'
check "audit verify reports on stderr with the prefix" err_prefixed
check "audit verify does not call a changed chain intact" sh -c "! grep -q intact '$TMP/out'"

cp "$DB" "$TMP/deleted.db"
sqlite3 "$TMP/deleted.db" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
                           DELETE FROM audit_log WHERE id = 10;"
run --db "$TMP/deleted.db" audit verify
check "audit verify exits 1 on a deleted record" exit_is 1
check "audit verify names the record after the gap" err_has 'record 11\b'

cp "$DB" "$TMP/inserted.db"
sqlite3 "$TMP/inserted.db" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
  INSERT INTO audit_log (id, ts_utc, operator, action, entity_type, entity_uuid, reason,
    recipient, program_version, prev_hash, hash)
  SELECT id + 1, ts_utc, operator, 'consult', entity_type, entity_uuid, NULL, NULL,
    program_version, hash, hash FROM audit_log ORDER BY id DESC LIMIT 1;"
run --db "$TMP/inserted.db" audit verify
check "audit verify exits 1 on an inserted record" exit_is 1
check "audit verify names the inserted record" err_has "record $((AUDIT_RECORDS + 1))\\b"

# With the triggers in place, ordinary SQL cannot change the log.
cp "$DB" "$TMP/guarded.db"
cp "$DB.anchor" "$TMP/guarded.db.anchor"
if sqlite3 "$TMP/guarded.db" "UPDATE audit_log SET operator = 'someone else' WHERE id = 5" 2>"$TMP/err"; then
  rc=0
else
  rc=$?
fi
check "the append-only trigger refuses an UPDATE" sh -c "[ $rc -ne 0 ] && grep -q append-only '$TMP/err'"
if sqlite3 "$TMP/guarded.db" "DELETE FROM audit_log WHERE id = 5" 2>"$TMP/err"; then
  rc=0
else
  rc=$?
fi
check "the append-only trigger refuses a DELETE" sh -c "[ $rc -ne 0 ] && grep -q append-only '$TMP/err'"
run --db "$TMP/guarded.db" audit verify
check "the guarded log is still intact" exit_is 0

# A workspace from a newer program: refused, not touched.

cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99"
BEFORE=$(checksum "$TMP/newer.db")
FILES_BEFORE=$(find "$TMP" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort)
for command in "info" "audit verify" "demo --investigations 5"; do
  # shellcheck disable=SC2086 # the command is split on purpose
  run --db "$TMP/newer.db" $command
  check "$command refuses a newer schema (exit 1)" exit_is 1
  check "$command names schema version 99" err_has '\b99\b'
  check "$command names this program's schema version" err_has "\\b$SCHEMA\\b"
  check "$command reports it with the prefix" err_prefixed
  check "$command leaves the newer workspace byte for byte" test "$(checksum "$TMP/newer.db")" = "$BEFORE"
done
check "nothing was left beside the newer workspace (no -wal, -shm)" test "$(find "$TMP" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort)" = "$FILES_BEFORE"
check "the newer workspace still has user_version 99" test "$(sqlite3 "$TMP/newer.db" 'PRAGMA user_version')" = 99

# Unusable files

printf 'crime_reference,offence\nAB/1/24,rape\n' >"$TMP/not-a-db.csv"
BEFORE=$(checksum "$TMP/not-a-db.csv")
for command in "info" "audit verify" "demo --investigations 5"; do
  # shellcheck disable=SC2086
  run --db "$TMP/not-a-db.csv" $command
  check "$command refuses a file that is not a database (exit 1)" exit_is 1
  check "$command says so with the prefix" err_prefixed
done
check "the file that is not a database is unchanged" test "$(checksum "$TMP/not-a-db.csv")" = "$BEFORE"

mkdir "$TMP/folder.db"
run --db "$TMP/folder.db" info
check "info refuses a folder (exit 1)" exit_is 1
check "info says so with the prefix" err_prefixed

for command in "info" "audit verify"; do
  # shellcheck disable=SC2086
  run --db "$TMP/missing.db" $command
  check "$command on a missing workspace exits 1" exit_is 1
  check "$command on a missing workspace says so with the prefix" err_prefixed
  check "$command on a missing workspace names it" err_has "$TMP/missing.db"
  check "$command creates no file" absent "$TMP/missing.db" "$TMP/missing.db-wal" "$TMP/missing.db-shm" "$TMP/missing.db-journal"
  # shellcheck disable=SC2086
  run --db "$TMP/no-such-folder/workbench.db" $command
  check "$command creates no folder" sh -c "[ $rc -eq 1 ] && [ ! -e '$TMP/no-such-folder' ]"
done

# Usage errors: exit 2, a message with the prefix, nothing on stdout, no file.

USAGE_DB="$TMP/usage.db"
usage_case () {
  local description=$1
  shift
  run "$@"
  check "$description: exit 2" exit_is 2
  check "$description: message on stderr with the prefix" err_prefixed
  check "$description: nothing on stdout" out_empty
}

usage_case "no command" --db "$USAGE_DB"
usage_case "an unknown command" --db "$USAGE_DB" frobnicate
usage_case "an unknown option" --frobnicate info
usage_case "--db without a value" --db
usage_case "an empty --db" --db "" info
usage_case "demo without --investigations" --db "$USAGE_DB" demo
usage_case "demo --investigations abc" --db "$USAGE_DB" demo --investigations abc
usage_case "demo --investigations 0" --db "$USAGE_DB" demo --investigations 0
usage_case "demo --investigations -5" --db "$USAGE_DB" demo --investigations -5
usage_case "demo --investigations too many" --db "$USAGE_DB" demo --investigations 99999999
usage_case "demo --seed abc" --db "$USAGE_DB" demo --investigations 5 --seed abc
usage_case "demo --today 2023-02-30" --db "$USAGE_DB" demo --investigations 5 --today 2023-02-30
usage_case "demo --today in another form" --db "$USAGE_DB" demo --investigations 5 --today 30/06/2025
usage_case "demo with an unknown option" --db "$USAGE_DB" demo --investigations 5 --colour
usage_case "info with an extra argument" --db "$DB" info extra
usage_case "audit without a subcommand" --db "$DB" audit
usage_case "audit with an unknown subcommand" --db "$DB" audit frobnicate
usage_case "audit verify with an extra argument" --db "$DB" audit verify extra
usage_case "help for an unknown command" help frobnicate
check "usage errors created no file" absent "$USAGE_DB" "$USAGE_DB-wal" "$USAGE_DB-shm"

# The default workspace: $XDG_DATA_HOME/soteria-workbench/workbench.db

DEFAULT_DB="$XDG_DATA_HOME/soteria-workbench/workbench.db"
run info
check "info without --db reads the default workspace (missing: exit 1)" exit_is 1
check "info without --db names the default path" err_has "$DEFAULT_DB"
check "info without --db creates nothing" absent "$XDG_DATA_HOME/soteria-workbench"

# demo without --db fills the training workspace, never the real one (issue 18).
TRAINING_DB="$XDG_DATA_HOME/soteria-workbench/training.db"
run demo --investigations 3 --seed 1 --today 2025-01-31
check "demo without --db fills the training workspace" sh -c "[ $rc -eq 0 ] && [ -f '$TRAINING_DB' ]"
check "demo without --db names the training workspace" out_has "$TRAINING_DB"
check "demo without --db leaves the real workspace path alone" absent "$DEFAULT_DB"
check "the training workspace has mode 0600" test "$(stat -c %a "$TRAINING_DB")" = 600
check "the default workspace's folder has mode 0700" test "$(stat -c %a "$XDG_DATA_HOME/soteria-workbench")" = 700
run --db "$TRAINING_DB" info
check "info reads it" out_line "investigations: 3"
check "info shows it as training data" out_line "kind: training"

# Progress goes to stderr only when it is a terminal (script(1) gives one, where installed).

if command -v script >/dev/null; then
  rc=0
  script -qec "'$CLI' --db '$TMP/tty.db' demo --investigations 1000" /dev/null >"$TMP/out" 2>&1 </dev/null || rc=$?
  : >"$TMP/err"
  check "demo on a terminal shows progress" sh -c "[ $rc -eq 0 ] && grep -q '1000 of 1000' '$TMP/out'"
else
  n=$((n + 1))
  echo "ok $n - demo on a terminal shows progress # SKIP script(1) is not installed"
fi

echo "1..$n"

if [ "$failed" -gt 0 ]; then
  echo "# $failed of $n checks failed" >&2
  exit 1
fi
