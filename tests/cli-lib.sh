# cli-lib.sh: what the reliability tests of soteria-cli share (sourced; TAP output)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Before sourcing: CLI (the path of soteria-cli) and NAME (a short name for the temporary
# folder). Gives TMP, a private HOME and XDG folders, run/check/ok/not_ok and finish.

CLI=$(realpath "$CLI")

for tool in sqlite3 sha256sum stat; do
  if ! command -v "$tool" >/dev/null; then
    echo "Bail out! $tool is not installed"
    exit 1
  fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sot-test-$NAME-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Never touch the real user's workspace: the default --db lives under XDG_DATA_HOME.
export HOME="$TMP/home"
export XDG_DATA_HOME="$TMP/xdg"
export XDG_CONFIG_HOME="$TMP/config"
export TZ=Europe/London
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
absent () { local f; for f in "$@"; do [ ! -e "$f" ] || return 1; done; }
checksum () { sha256sum "$1" | cut -d ' ' -f 1; }
mode_of () { stat -c %a "$1"; }

# A sanitizer report or a GLib critical is a crash, whatever the exit status.
no_crash () {
  [ "$rc" -lt 128 ] &&
    ! grep -qE 'AddressSanitizer|runtime error:|CRITICAL|WARNING \*\*|assertion' "$TMP/err"
}

# random_delay MS: a random time below MS milliseconds, in seconds for sleep(1).
random_delay () { local ms=$((RANDOM % $1)); printf '%d.%03d' $((ms / 1000)) $((ms % 1000)); }

# damage FILE TABLE: overwrites the start of TABLE's root page with 0xff, as a bad sector would.
damage () {
  local page_size root
  page_size=$(sqlite3 "$1" "PRAGMA page_size")
  root=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_schema WHERE name = '$2'")
  printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
    dd of="$1" bs=1 seek=$(((root - 1) * page_size)) conv=notrunc 2>/dev/null
}

finish () {
  echo "1..$n"
  [ "$failed" -eq 0 ]
}
