#!/bin/bash
# test-cli-reliability.sh: soteria-cli and the audit anchor, read-only commands, damage, modes
# (TAP output; exit 1 on a failure)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-reliability.sh PATH-TO-SOTERIA-CLI
# Needs: sqlite3 (the command-line tool), sha256sum, stat.

set -eu

CLI=${1:?usage: test-cli-reliability.sh PATH-TO-SOTERIA-CLI}
CLI=$(realpath "$CLI")

for tool in sqlite3 sha256sum stat; do
  if ! command -v "$tool" >/dev/null; then
    echo "Bail out! $tool is not installed"
    exit 1
  fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-test-cli-reliability-XXXXXX")
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT

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

run () {
  rc=0
  "$CLI" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || rc=$?
}

check () {
  local description=$1
  shift
  if "$@"; then
    ok "$description"
  else
    not_ok "$description"
  fi
}

err_has () { grep -q -- "$1" "$TMP/err"; }
out_has () { grep -q -- "$1" "$TMP/out"; }
exit_is () { [ "$rc" -eq "$1" ]; }
checksum () { sha256sum "$1" | cut -d ' ' -f 1; }
mode_of () { stat -c %a "$1"; }
records () { sqlite3 "$1" "SELECT count(*) FROM audit_log"; }

# copy NAME: a copy of the demo workspace with its anchor, as a backup would be taken.
copy () {
  cp "$DB" "$TMP/$1.db"
  cp "$DB.anchor" "$TMP/$1.db.anchor"
}

# cut NAME SQL: the log of a copy changed with the sqlite3 tool, the triggers dropped first.
cut_log () {
  copy "$1"
  sqlite3 "$TMP/$1.db" "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; $2"
}

DB="$TMP/demo.db"
run --db "$DB" demo --investigations 20 --today 2025-06-30
check "demo makes a workspace" exit_is 0
check "the workspace has an anchor beside it" test -f "$DB.anchor"
check "the anchor has mode 0600" test "$(mode_of "$DB.anchor")" = 600
N=$(records "$DB")

# The anchor: rows cut from the end are seen.

run --db "$DB" audit verify
check "audit verify passes on an intact workspace" exit_is 0
check "audit verify prints the anchor code" out_has "^audit anchor: $N-"

for cut in "last:DELETE FROM audit_log WHERE id = $N:$((N - 1))" \
           "last-50:DELETE FROM audit_log WHERE id > $((N - 50)):$((N - 50))" \
           "all:DELETE FROM audit_log:0"; do
  name=${cut%%:*}
  rest=${cut#*:}
  sql=${rest%:*}
  left=${rest##*:}
  cut_log "cut-$name" "$sql"
  run --db "$TMP/cut-$name.db" audit verify
  check "audit verify exits 1 when the $name rows are cut" exit_is 1
  check "audit verify says the log was cut ($name)" err_has "cut short"
  check "audit verify names the anchor's count and the workspace's ($name)" \
    err_has "records $N records, the workspace holds $left\\b"
done

# A later write does not hide the cut.
cut_log "cut-then-write" "DELETE FROM audit_log WHERE id > $((N - 3))"
BEFORE=$(checksum "$TMP/cut-then-write.db.anchor")
run --db "$TMP/cut-then-write.db" export --out "$TMP/pkg" --recipient "Test" --purpose "Test"
check "a write after the cut warns that the anchor disagrees" err_has "does not end where its anchor"
check "the write after the cut leaves the anchor as it was" \
  test "$(checksum "$TMP/cut-then-write.db.anchor")" = "$BEFORE"
run --db "$TMP/cut-then-write.db" audit verify
check "audit verify still reports the cut after a write" sh -c "[ $rc -eq 1 ] && grep -q 'records $N records' '$TMP/err'"

# Missing and older anchors.
copy "no-anchor"
rm "$TMP/no-anchor.db.anchor"
run --db "$TMP/no-anchor.db" audit verify
check "audit verify exits 1 without an anchor" exit_is 1
check "audit verify says there is no anchor yet" err_has "no audit anchor yet"
check "audit verify does not make the anchor" test ! -e "$TMP/no-anchor.db.anchor"
run --db "$TMP/no-anchor.db" audit anchor
check "audit anchor still prints the code of a workspace without an anchor" \
  sh -c "[ $rc -eq 0 ] && grep -qE '^$N-[0-9a-f]{4}(-[0-9a-f]{4}){3}\$' '$TMP/out'"
run --db "$TMP/no-anchor.db" export --out "$TMP/pkg2" --recipient "Test" --purpose "Test"
check "the next write makes the anchor" test -f "$TMP/no-anchor.db.anchor"
run --db "$TMP/no-anchor.db" audit verify
check "audit verify passes once the anchor is made" exit_is 0

copy "older"
cp "$TMP/older.db.anchor" "$TMP/older.anchor-saved"
run --db "$TMP/older.db" export --out "$TMP/pkg3" --recipient "Test" --purpose "Test"
cp "$TMP/older.anchor-saved" "$TMP/older.db.anchor"
run --db "$TMP/older.db" audit verify
check "audit verify exits 1 on an older anchor" exit_is 1
check "audit verify says the anchor is older and names both counts" \
  err_has "older than the workspace: the anchor .* records $N records, the workspace holds $((N + 1))"

# The code a supervisor writes down.
run --db "$DB" audit anchor
CODE=$(cat "$TMP/out")
check "audit anchor prints a short code" sh -c "echo '$CODE' | grep -qE '^$N-[0-9a-f]{4}(-[0-9a-f]{4}){3}\$'"
run --db "$DB" audit verify --expect "$CODE"
check "audit verify --expect passes with the code" exit_is 0
run --db "$TMP/no-anchor.db" audit verify --expect "$CODE"
check "audit verify --expect accepts a code the log has gone past" exit_is 0
run --db "$TMP/cut-last.db" audit verify --expect "$CODE"
check "audit verify --expect exits 1 on a cut log" exit_is 1
run --db "$DB" audit verify --expect "1-0000-0000-0000-0000"
check "audit verify --expect exits 1 on another code" sh -c "[ $rc -eq 1 ] && grep -q 'record 1 is not' '$TMP/err'"

# Read-only commands write nothing.

: >"$TMP/empty.db"
for command in "info" "audit verify"; do
  # shellcheck disable=SC2086
  run --db "$TMP/empty.db" $command
  check "$command refuses a zero-byte file" sh -c "[ $rc -eq 1 ] && grep -q 'is empty: not a workspace' '$TMP/err'"
  check "$command leaves the zero-byte file empty" test ! -s "$TMP/empty.db"
done

NULL_MODE=$(mode_of /dev/null)
for command in "info" "audit verify" "export --out $TMP/pkg4 --recipient T --purpose T"; do
  # shellcheck disable=SC2086
  run --db /dev/null $command
  check "$command refuses a device node" sh -c "[ $rc -eq 1 ] && grep -q 'not a regular file' '$TMP/err'"
done
check "--db /dev/null keeps its mode" test "$(mode_of /dev/null)" = "$NULL_MODE"

# A newer workspace whose writer died with its WAL: the file and the WAL byte for byte.
cp "$DB" "$TMP/wal-source.db"
sqlite3 "$TMP/wal-source.db" "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;" \
  "PRAGMA user_version = 99;" \
  ".shell cp '$TMP/wal-source.db' '$TMP/newer.db'; cp '$TMP/wal-source.db-wal' '$TMP/newer.db-wal'" \
  >/dev/null
check "the newer workspace has a leftover WAL" test -s "$TMP/newer.db-wal"
BEFORE=$(checksum "$TMP/newer.db")
BEFORE_WAL=$(checksum "$TMP/newer.db-wal")
for command in "info" "audit verify" "export --out $TMP/pkg5 --recipient T --purpose T"; do
  # shellcheck disable=SC2086
  run --db "$TMP/newer.db" $command
  check "$command refuses the newer workspace with a WAL" sh -c "[ $rc -eq 1 ] && grep -q '\\b99\\b' '$TMP/err'"
  check "$command leaves the newer workspace byte for byte" test "$(checksum "$TMP/newer.db")" = "$BEFORE"
  check "$command leaves its WAL byte for byte" test "$(checksum "$TMP/newer.db-wal")" = "$BEFORE_WAL"
done

# info does not migrate an older workspace.
cp "$DB" "$TMP/older-schema.db"
sqlite3 "$TMP/older-schema.db" "PRAGMA user_version = 3"
BEFORE=$(checksum "$TMP/older-schema.db")
run --db "$TMP/older-schema.db" info
check "info refuses to upgrade an older workspace" sh -c "[ $rc -eq 1 ] && grep -q 'schema version 3' '$TMP/err'"
check "info leaves the older workspace byte for byte" test "$(checksum "$TMP/older-schema.db")" = "$BEFORE"
check "info leaves the older workspace at its version" test "$(sqlite3 "$TMP/older-schema.db" 'PRAGMA user_version')" = 3

# Damage is refused and named as such.

SIZE=$(stat -c %s "$DB")
head -c $((SIZE - 5000)) "$DB" >"$TMP/cut.db"
cp "$DB" "$TMP/bad-page.db"
printf '%*s' 8192 '' | tr ' ' 'Z' | dd of="$TMP/bad-page.db" bs=4096 seek=2 conv=notrunc status=none
for file in cut bad-page; do
  BEFORE=$(checksum "$TMP/$file.db")
  for command in "info" "audit verify" "export --out $TMP/pkg-$file --recipient T --purpose T"; do
    # shellcheck disable=SC2086
    run --db "$TMP/$file.db" $command
    check "$command calls the $file file damaged" sh -c "[ $rc -eq 1 ] && grep -q 'is damaged' '$TMP/err'"
    check "$command leaves the $file file as it was" test "$(checksum "$TMP/$file.db")" = "$BEFORE"
  done
  check "no export was written from the $file file" test ! -e "$TMP/pkg-$file"
done

printf 'SQLite format 3' >"$TMP/header-only.db"
run --db "$TMP/header-only.db" info
check "info calls a file cut inside its header damaged" err_has "is damaged"
printf 'crime_reference\nAB/1/24\n' >"$TMP/text.db"
run --db "$TMP/text.db" info
check "info calls a text file not a workspace" err_has "not a Soteria Workbench workspace"

# Read-only media: read and verified.
mkdir "$TMP/ro"
copy "ro/ws"
chmod 0400 "$TMP/ro/ws.db"
chmod 0500 "$TMP/ro"
run --db "$TMP/ro/ws.db" audit verify
check "audit verify works on read-only media" exit_is 0
run --db "$TMP/ro/ws.db" info
check "info works on read-only media" exit_is 0
check "nothing was added on the read-only media" test "$(ls "$TMP/ro" | sort | tr '\n' ' ')" = "ws.db ws.db.anchor "
chmod 0700 "$TMP/ro"

# Modes.
copy "open"
chmod 0644 "$TMP/open.db"
run --db "$TMP/open.db" info
check "info on a workspace others can read warns" err_has "warning: .*now private"
check "the workspace is made 0600" test "$(mode_of "$TMP/open.db")" = 600
copy "open-write"
chmod 0644 "$TMP/open-write.db"
rc=0
(umask 000; "$CLI" --db "$TMP/open-write.db" export --out "$TMP/pkg6" --recipient T --purpose T \
  >"$TMP/out" 2>"$TMP/err" </dev/null) || rc=$?
check "an export with umask 000 succeeds" exit_is 0
check "the export made the workspace 0600" test "$(mode_of "$TMP/open-write.db")" = 600
check "the export warned" err_has "now private"
for f in "$TMP/open-write.db-wal" "$TMP/open-write.db-shm" "$TMP/open-write.db.anchor"; do
  if [ -e "$f" ]; then
    check "$(basename "$f") is 0600" test "$(mode_of "$f")" = 600
  fi
done

run --db "$DB" audit verify --expect "not a code"
check "audit verify --expect with a malformed code is a usage error" \
  sh -c "[ $rc -eq 2 ] && grep -q 'not an audit anchor code' '$TMP/err'"
run --db "$TMP/cut-last.db" audit verify
check "a single cut record is named in the singular" err_has "the last 1 record was removed"

echo "1..$n"
[ "$failed" -eq 0 ]
