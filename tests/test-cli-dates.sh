#!/bin/bash
# test-cli-dates.sh: extreme dates are refused with a message, never a GLib assertion (TAP)
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-dates.sh PATH-TO-SOTERIA-CLI

set -eu

CLI=${1:?usage: test-cli-dates.sh PATH-TO-SOTERIA-CLI}
NAME=dates
# shellcheck source=tests/cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

# refused STATUS ARGS...: soteria-cli ARGS exits with STATUS, one clear message, no assertion.
refused () {
  local status=$1
  shift
  run "$@"
  check "$* is refused with exit $status" exit_is "$status"
  check "$* says why on stderr" err_prefixed
  check "$* prints no assertion" no_crash
  check "$* prints nothing on stdout" test ! -s "$TMP/out"
}

# works ARGS...: soteria-cli ARGS succeeds, without an assertion.
works () {
  run "$@"
  check "$* works" exit_is 0
  check "$* prints no assertion" no_crash
}

refused 2 toolkit --offence-time 9999-12-31T23:00
refused 2 toolkit --offence-time 9999-12-31T23:00 --json
refused 2 toolkit --offence-time 9999-12-31
refused 2 toolkit --offence-time 9999-12-31T23:59-14:00
refused 2 toolkit --offence-time 2024-01-01T00:00 --offence-until 9999-12-31T23:59
refused 2 toolkit --offence-time 0001-01-01T00:00
refused 2 toolkit --offence-time 0001-01-01
refused 2 toolkit --offence-time 0000-01-01T00:00
refused 2 toolkit --offence-time -2024-01-01T00:00
refused 2 toolkit --offence-time 2024-01-01T00:00 --at 99999-01-01T00:00
refused 2 toolkit --offence-time 2024-01-01T00:00 --at 9999-12-31T23:59-23:59
refused 2 deadline --event arrest --at 9999-12-31T23:59-14:00
refused 2 deadline --event arrest --at 0001-01-01
refused 1 deadline --event arrest --at 9999-12-31T23:00

works toolkit --offence-time 2024-01-01T00:00 --at 9999-12-31T23:59
works toolkit --offence-time 2024-01-01T00:00 --at 1900-01-01T00:00
works toolkit --offence-time 2024-01-01T00:00-23:00
works toolkit --offence-time 2024-01-01T00:00+14:00 --json
works toolkit --offence-time 1900-01-01T00:00+14:00
works toolkit --offence-time 9980-06-30T12:00

finish
