#!/bin/sh
# test-cli-deadline.sh: `soteria-cli deadline`, the Right 6 due date of an event, end to end
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-deadline.sh PATH-TO-soteria-cli     (TAP output)

set -u

cli=${1:?usage: test-cli-deadline.sh PATH-TO-soteria-cli}
export TZ=Europe/London
n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
}

# expect_date DESCRIPTION EXPECTED ARGS...: exit 0 and exactly EXPECTED on stdout.
expect_date () {
  description=$1
  expected=$2
  shift 2
  out=$("$cli" deadline "$@" 2>/dev/null)
  status=$?
  if [ "$status" -eq 0 ] && [ "$out" = "$expected" ]; then
    ok "$description"
  else
    not_ok "$description (exit $status, got '$out', expected '$expected')"
  fi
}

# expect_status DESCRIPTION STATUS ARGS...: that exit status, nothing on stdout, a message on
# stderr that starts with "soteria-cli: ".
expect_status () {
  description=$1
  expected=$2
  shift 2
  err=$("$cli" deadline "$@" 2>&1 >/dev/null)
  out=$("$cli" deadline "$@" 2>/dev/null)
  status=$?
  case $err in
    soteria-cli:*) prefixed=yes ;;
    *) prefixed=no ;;
  esac
  if [ "$status" -eq "$expected" ] && [ -z "$out" ] && [ "$prefixed" = yes ]; then
    ok "$description"
  else
    not_ok "$description (exit $status, stdout '$out', stderr '$err')"
  fi
}

expect_date "arrest Friday night, enhanced: Monday" 2024-03-11 \
  --event arrest --at 2024-03-08T23:30 --enhanced
expect_date "arrest Friday night, standard: the next Friday" 2024-03-15 \
  --event arrest --at 2024-03-08T23:30
expect_date "VE Day 2020 moved the May bank holiday" 2020-05-11 \
  --event released --at 2020-05-07 --enhanced
expect_date "Easter 2024, standard" 2024-04-08 --event interview --at "2024-03-28 10:00"
expect_date "2022 Jubilee, enhanced" 2022-06-06 --event bail --at 2022-06-01T09:00 --enhanced
expect_date "New Year 2022 substitute, standard" 2022-01-05 \
  --event bail-change --at 2021-12-24T12:00
expect_date "UTC time that is already Monday in BST" 2024-07-02 \
  --event no-investigation --at 2024-06-30T23:30:00Z --enhanced

expect_status "2019 is outside the bank-holiday table" 1 --event arrest --at 2019-06-03T10:00
expect_status "2031 is outside the bank-holiday table" 1 --event arrest --at 2031-01-06T10:00
expect_status "unknown event" 2 --event sentence --at 2024-03-08T10:00
expect_status "missing --at" 2 --event arrest
expect_status "impossible date" 2 --event arrest --at 2023-02-30T10:00
expect_status "unknown option" 2 --event arrest --at 2024-03-08 --frobnicate
expect_status "extra argument" 2 --event arrest --at 2024-03-08 extra

# A projected year answers on stdout and notes the projection on stderr only.
out=$("$cli" deadline --event arrest --at 2030-06-03T10:00 2>/dev/null)
err=$("$cli" deadline --event arrest --at 2030-06-03T10:00 2>&1 >/dev/null)
if [ "$out" = 2030-06-10 ] && [ -n "$err" ]; then
  ok "projected year: date on stdout, note on stderr"
else
  not_ok "projected year (stdout '$out', stderr '$err')"
fi

if "$cli" deadline --help | grep -q -- --enhanced; then
  ok "--help lists the options"
else
  not_ok "--help lists the options"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
