#!/bin/bash
# test-cli-backup.sh: `soteria-cli backup` and `restore`, plain and encrypted (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-backup.sh PATH-TO-SOTERIA-CLI

set -eu

CLI=${1:?usage: test-cli-backup.sh PATH-TO-SOTERIA-CLI}
NAME=backup
# shellcheck source=tests/cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

no_partials () { test -z "$(find "$TMP" -name '.*.partial-*')"; }
no_companions () { test -z "$(find "$TMP" -maxdepth 1 \( -name '*-wal' -o -name '*-shm' \))"; }
last_audit_reason () { sqlite3 "$1" 'SELECT reason FROM audit_log ORDER BY id DESC LIMIT 1'; }
no_plaintext () { ! grep -q 'SQLite format 3' "$1" && ! grep -q 'CREATE TABLE' "$1"; }

DB="$TMP/w.db"
run --db "$DB" demo --investigations 40 --today 2025-06-30
check "a workspace to back up" exit_is 0
run --db "$DB" export --out "$TMP/pkg" --recipient "Evaluator" --purpose "Test"
run --db "$DB" audit verify
RECORDS=$(sed -n 's/^audit chain intact: \([0-9]*\) records$/\1/p' "$TMP/out")

# A plain backup: a checked workspace file, 0600, nothing beside it.
run --db "$DB" backup --out "$TMP/plain.bak"
check "backup exits 0" exit_is 0
check "the backup has mode 0600" test "$(mode_of "$TMP/plain.bak")" = 600
check "the backup passes integrity_check" \
  test "$(sqlite3 "$TMP/plain.bak" 'PRAGMA integrity_check')" = ok
check "the backup leaves no temporary file" no_partials
check "the backup leaves no -wal or -shm file" no_companions

BEFORE=$(checksum "$TMP/plain.bak")
run --db "$DB" backup --out "$TMP/plain.bak"
check "backup never overwrites a file (exit 1)" exit_is 1
check "it says the file exists" err_has "already exists"
check "the existing file is unchanged" test "$(checksum "$TMP/plain.bak")" = "$BEFORE"

run --db "$DB" backup
check "backup without --out is a usage error (exit 2)" exit_is 2

# Restore: a new workspace, checked, the restore audited in it.
run --db "$TMP/restored.db" restore "$TMP/plain.bak"
check "restore exits 0" exit_is 0
check "the restored workspace has mode 0600" test "$(mode_of "$TMP/restored.db")" = 600
run --db "$TMP/restored.db" audit verify
check "the restored audit chain is intact, with one record more" \
  out_has "intact: $((RECORDS + 1)) records"
check "the last audit row is the restore" \
  grep -q 'restored from the backup' <(last_audit_reason "$TMP/restored.db")
check "the restored workspace holds the same cases" \
  test "$(sqlite3 "$TMP/restored.db" 'SELECT count(*) FROM investigation')" = 40

BEFORE=$(checksum "$TMP/restored.db")
run --db "$TMP/restored.db" restore "$TMP/plain.bak"
check "restore refuses an existing workspace (exit 1)" exit_is 1
check "the existing workspace is unchanged" test "$(checksum "$TMP/restored.db")" = "$BEFORE"

# Encrypted: no plaintext, a wrong passphrase writes nothing.
printf 'correct horse battery staple\n' >"$TMP/pass"
printf 'wrong\n' >"$TMP/wrong"
run --db "$DB" backup --out "$TMP/sealed.bak" --passphrase-file "$TMP/pass"
check "an encrypted backup exits 0" exit_is 0
check "the encrypted backup has mode 0600" test "$(mode_of "$TMP/sealed.bak")" = 600
check "the encrypted backup holds no SQLite text" no_plaintext "$TMP/sealed.bak"
run --db "$TMP/r1.db" restore "$TMP/sealed.bak"
check "restore without the passphrase fails (exit 1)" exit_is 1
check "it asks for the passphrase" err_has "passphrase"
run --db "$TMP/r1.db" restore "$TMP/sealed.bak" --passphrase-file "$TMP/wrong"
check "a wrong passphrase fails (exit 1)" exit_is 1
check "it says the passphrase is wrong" err_has "passphrase is wrong"
check "a wrong passphrase writes no workspace" absent "$TMP/r1.db"
check "a wrong passphrase leaves no temporary file" no_partials
run --db "$TMP/r1.db" restore "$TMP/sealed.bak" --passphrase-file "$TMP/pass"
check "the right passphrase restores (exit 0)" exit_is 0
run --db "$TMP/r1.db" audit verify
check "the decrypted workspace's audit chain is intact" exit_is 0

# Changed, cut or damaged backups are refused and nothing is written.
cp "$TMP/sealed.bak" "$TMP/flipped.bak"
printf '\001' | dd of="$TMP/flipped.bak" bs=1 seek=70000 conv=notrunc 2>/dev/null
head -c 50000 "$TMP/sealed.bak" >"$TMP/cut.bak"
cp "$TMP/plain.bak" "$TMP/damaged.bak"
damage "$TMP/damaged.bak" victim
printf 'neither' >"$TMP/text.bak"
for bad in flipped cut damaged text; do
  run --db "$TMP/from-$bad.db" restore "$TMP/$bad.bak" --passphrase-file "$TMP/pass"
  check "restore of a $bad backup fails (exit 1)" exit_is 1
  check "restore of a $bad backup says why" err_prefixed
  check "restore of a $bad backup prints no assertion" no_crash
  check "restore of a $bad backup writes nothing" absent "$TMP/from-$bad.db"
done

# A backup whose audit chain was changed behind the program's back is refused.
cp "$TMP/plain.bak" "$TMP/tampered.bak"
sqlite3 "$TMP/tampered.bak" "DROP TRIGGER audit_log_no_update;
                             UPDATE audit_log SET operator = 'x' WHERE id = 3;"
run --db "$TMP/from-tampered.db" restore "$TMP/tampered.bak"
check "restore of a backup with a broken audit chain fails (exit 1)" exit_is 1
check "nothing is restored from it" absent "$TMP/from-tampered.db"

# A damaged workspace is not backed up.
cp "$DB" "$TMP/damaged.db"
damage "$TMP/damaged.db" victim
run --db "$TMP/damaged.db" backup --out "$TMP/of-damaged.bak"
check "backup refuses a damaged workspace (exit 1)" exit_is 1
check "it says the workspace is damaged" err_has "damaged"
check "no backup of it is written" absent "$TMP/of-damaged.bak"
check "no temporary file is left" no_partials

finish
