#!/bin/bash
# test-cli-export.sh: `soteria-cli export` and `soteria-cli metrics` end to end (TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-export.sh PATH-TO-SOTERIA-CLI
# Needs: sqlite3 (the command-line tool), sha256sum, stat. Uses python3, csvkit's csvstat,
# duckdb and LibreOffice when present.

set -eu

CLI=${1:?usage: test-cli-export.sh PATH-TO-SOTERIA-CLI}
CLI=$(realpath "$CLI")

for tool in sqlite3 sha256sum stat; do
  if ! command -v "$tool" >/dev/null; then
    echo "Bail out! $tool is not installed"
    exit 1
  fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-test-cli-export-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

export HOME="$TMP/home"
export XDG_DATA_HOME="$TMP/xdg"
export XDG_CONFIG_HOME="$TMP/config"
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

DB="$TMP/w.db"
PKG="$TMP/pkg"

run --db "$DB" demo --investigations 300 --today 2025-06-30
check "demo makes 300 fictional cases" test "$rc" -eq 0

audit_before=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")

run --db "$DB" export --out "$PKG" --recipient "University of Example" \
  --purpose "Soteria evaluation 2025 Q2"
check "export exits 0" test "$rc" -eq 0
check "export prints the tables, rows, suppressed cells and k" \
  sh -c "grep -q '^tables: 10$' '$TMP/out' && grep -q '^rows: [0-9]' '$TMP/out' &&
         grep -q '^suppressed_cells: [0-9]' '$TMP/out' && grep -q '^k: [0-9]' '$TMP/out'"
check "export says the data are fictional" grep -q '^kind: training (fictional data)$' "$TMP/out"

missing=""
for f in cases.csv lines_of_enquiry.csv exhibits.csv devices.csv victim_contact.csv \
         agg_volumes_by_quarter.csv agg_cps_decisions_by_quarter.csv \
         agg_charge_rates_by_quarter.csv agg_outcome_groups_by_quarter.csv \
         agg_relationship_by_outcome_group.csv datapackage.json README.md manifest.sha256; do
  [ -f "$PKG/$f" ] || missing="$missing $f"
done
check "every file of the package exists${missing:+ (missing:$missing)}" test -z "$missing"

check "the manifest verifies with sha256sum -c" sh -c "cd '$PKG' && sha256sum -c --quiet manifest.sha256"
check "cases.csv has a header and 300 investigations or more" \
  sh -c "test \$(wc -l < '$PKG/cases.csv') -gt 300 && head -n 1 '$PKG/cases.csv' | grep -q '^case_key,suspect_number,'"
check "CSV lines end with CRLF" sh -c "head -n 2 '$PKG/cases.csv' | od -c | grep -q '\\\\r  \\\\n'"
check "the README says the data are fictional" grep -q 'FICTIONAL' "$PKG/README.md"
check "datapackage.json says fictional: true" grep -qE '"fictional" ?: true' "$PKG/datapackage.json"
check "no crime reference of the workspace leaves" sh -c "! grep -rq 'TRN/' '$PKG'"
check "the stable key stays beside the workspace, private" \
  sh -c "test \$(stat -c %a '$DB.keys') = 700 && test \$(stat -c %a '$DB.keys'/*.key) = 600"

audit_after=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")
check "one audit row more" test "$audit_after" -eq $((audit_before + 1))
check "the audit row is a disclosure with recipient and purpose" \
  test "$(sqlite3 "$DB" "SELECT action || '|' || recipient || '|' || reason FROM audit_log ORDER BY id DESC LIMIT 1")" \
       = "disclose|University of Example|Soteria evaluation 2025 Q2"
run --db "$DB" audit verify
check "the audit chain is intact after the export" test "$rc" -eq 0

if command -v python3 >/dev/null; then
  check "datapackage.json is JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$PKG/datapackage.json"
else
  ok "datapackage.json is JSON # SKIP no python3"
fi

if command -v csvstat >/dev/null; then
  check "csvkit reads cases.csv" sh -c "csvstat --count '$PKG/cases.csv' >/dev/null"
else
  ok "csvkit reads cases.csv # SKIP no csvkit"
fi

if command -v duckdb >/dev/null; then
  check "DuckDB reads cases.csv" sh -c "duckdb -c \"SELECT count(*) FROM read_csv_auto('$PKG/cases.csv')\" >/dev/null"
else
  ok "DuckDB reads cases.csv # SKIP no duckdb"
fi

if command -v soffice >/dev/null; then
  # Every table into a spreadsheet, as RFC 4180 UTF-8; then cases back to CSV, every row kept.
  lo=(soffice --headless "-env:UserInstallation=file://$TMP/lo-profile" --infilter="CSV:44,34,76,1")
  "${lo[@]}" --convert-to ods --outdir "$TMP/lo" "$PKG"/*.csv >"$TMP/lo.log" 2>&1 || true
  n_csv=$(ls "$PKG"/*.csv | wc -l)
  n_ods=$(ls "$TMP/lo"/*.ods 2>/dev/null | wc -l)
  check "LibreOffice opens every CSV of the package ($n_ods of $n_csv)" test "$n_ods" -eq "$n_csv"
  "${lo[@]}" --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 --outdir "$TMP/lo-back" \
    "$TMP/lo/cases.ods" >>"$TMP/lo.log" 2>&1 || true
  check "LibreOffice keeps every row of cases.csv" \
    test "$(wc -l < "$TMP/lo-back/cases.csv" 2>/dev/null || echo 0)" -eq "$(wc -l < "$PKG/cases.csv")"
else
  ok "LibreOffice opens every CSV of the package # SKIP no LibreOffice"
  ok "LibreOffice keeps every row of cases.csv # SKIP no LibreOffice"
fi

# Refusals

touch "$TMP/marker"
run --db "$DB" export --out "$PKG" --recipient "x" --purpose "y"
check "a non-empty folder is refused with exit 1" test "$rc" -eq 1
check "... with a clear message" grep -q 'not an empty folder' "$TMP/err"
check "... and the folder is untouched" sh -c "cd '$PKG' && sha256sum -c --quiet manifest.sha256"

run --db "$DB" export --out "$TMP/p2" --recipient "x" --purpose "y" --threshold 2
check "threshold 2 is refused with exit 2" test "$rc" -eq 2
check "... saying the minimum" grep -q 'at least 3' "$TMP/err"
check "... and writes nothing" test ! -e "$TMP/p2"

run --db "$DB" export --out "$TMP/p2" --recipient "x" --purpose "y" --from 2025-13
check "a bad month is refused with exit 2" test "$rc" -eq 2

run --db "$DB" export --out "$TMP/p2" --recipient "x" --purpose "y" --from 2025-03 --to 2024-01
check "from after to is refused with exit 2" test "$rc" -eq 2

run --db "$DB" export --out "$TMP/p2" --purpose "y"
check "a missing recipient is refused with exit 2" test "$rc" -eq 2

run --db "$DB" export --out "$TMP/p2" --recipient "x" --purpose "   "
check "an empty purpose is refused with exit 2" test "$rc" -eq 2

run --db "$DB" export --out "$TMP/p2" --recipient "x" --purpose "y" --key sometimes
check "an unknown key mode is refused with exit 2" test "$rc" -eq 2

check "no refused export left an audit row" \
  test "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")" -eq "$audit_after"
check "no refused export left a folder beside the target" \
  sh -c "! ls -a '$TMP' | grep -q 'partial'"

# A fresh key, a period

keys_before=$(ls "$DB.keys" | wc -l)
run --db "$DB" export --out "$TMP/p3" --recipient "Another Evaluator" --purpose "y" \
  --key fresh --from 2024-01 --to 2024-12 --threshold 5 --coarsen-month
check "an export with a fresh key, a period and quarters exits 0" test "$rc" -eq 0
check "a fresh key is not kept" test "$(ls "$DB.keys" | wc -l)" -eq "$keys_before"
check "only 2024 is in it" sh -c "! cut -d, -f5 '$TMP/p3/cases.csv' | tail -n +2 | grep -vq '^2024-Q'"

# zip

run --db "$DB" export --out "$TMP/z1" --recipient "Evaluator A" --purpose "Quarterly evaluation" --zip
check "an export with --zip exits 0 and names the archive" \
  sh -c "test $rc -eq 0 && grep -q '^archive: $TMP/z1.zip\$' '$TMP/out'"
check "the archive holds the package and its manifest verifies" \
  python3 -c "import sys, zipfile, hashlib
z = zipfile.ZipFile('$TMP/z1.zip')
assert z.testzip() is None
m = z.read('z1/manifest.sha256').decode().split('\n')
for line in filter(None, m):
    digest, name = line.split('  ', 1)
    assert hashlib.sha256(z.read('z1/' + name)).hexdigest() == digest, name
"
touch "$TMP/z3.zip"
run --db "$DB" export --out "$TMP/z3" --recipient "Evaluator A" --purpose "Quarterly evaluation" --zip
check "an existing archive is refused with exit 1 and no package" \
  sh -c "test $rc -eq 1 && test ! -e '$TMP/z3'"

# metrics

run --db "$DB" metrics --from 2024-01 --to 2024-12
check "metrics exits 0" test "$rc" -eq 0
check "metrics prints both charge rates" \
  sh -c "grep -q '^charge_rate_cps (charged / legal decisions, per suspect): ' '$TMP/out' &&
         grep -q '^charge_rate_charged_over_charged_plus_nfa (per suspect): ' '$TMP/out'"
check "metrics prints timeliness and data quality" \
  sh -c "grep -q '^days.report_to_outcome: median ' '$TMP/out' && grep -q '^missing.victim_sex: ' '$TMP/out'"
check "metrics never prints nan" sh -c "! grep -qi 'nan' '$TMP/out'"

run --db "$DB" metrics --to 2023-01 --from 2024-01
check "metrics refuses from after to with exit 2" test "$rc" -eq 2

echo "1..$n"
[ "$failed" -eq 0 ]
