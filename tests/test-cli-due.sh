#!/bin/sh
# test-cli-due.sh: `soteria-cli due --json` and the deadline command's bail options, end to end
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli-due.sh PATH-TO-soteria-cli     (TAP output)

set -u

cli=${1:?usage: test-cli-due.sh PATH-TO-soteria-cli}
export TZ=Europe/London
n=0
failed=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
}

check () {
  if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi
}

# Pre-charge bail: 3 months beginning with the day after the arrest, and its extensions.
check "bail: arrest 9 January ends 9 April" \
  "$("$cli" deadline --event pre-charge-bail --at 2026-01-09T10:00)" 2026-04-09
check "bail: inspector, 6 months" \
  "$("$cli" deadline --event pre-charge-bail --at 2026-01-09T10:00 --extension inspector)" \
  2026-07-09
check "bail: court, 18 months" \
  "$("$cli" deadline --event pre-charge-bail --at 2026-01-09T10:00 --extension court-18)" \
  2027-07-09
check "bail: no 30 February in a leap year" \
  "$("$cli" deadline --event pre-charge-bail --at 2023-11-29T10:00)" 2024-02-29
# Right 6 decisions: Christmas 2026 bank holidays.
check "charge, enhanced" \
  "$("$cli" deadline --event charge --at 2026-12-24T15:00 --enhanced)" 2026-12-29
check "nfa, standard" "$("$cli" deadline --event nfa --at 2026-12-24T15:00)" 2027-01-05

"$cli" deadline --event pre-charge-bail --at 2026-01-09T10:00 --extension chief >/dev/null 2>&1
check "unknown extension is a usage error" "$?" 2
"$cli" deadline --event charge --at 2026-01-09T10:00 --extension inspector >/dev/null 2>&1
check "an extension of a Right 6 event is a usage error" "$?" 2

# The due list of demo data.
"$cli" demo --db "$dir/w.db" --investigations 60 --seed 3 --today 2026-12-02 >/dev/null 2>&1
"$cli" due --db "$dir/w.db" --json --now 2026-12-02T09:00 >"$dir/due.json"
check "due --json runs" "$?" 0

kinds=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted({i["kind"] for i in d["items"]})))
' "$dir/due.json")
# Every kind, so that trainers can show each clock on demo data.
for kind in forensic-window line-of-enquiry device-return right6 agreed-update early-advice \
            cps-action pre-charge-bail bail-views rui-review right-to-review; do
  case " $kinds " in
    *" $kind "*) ok "demo data has $kind items" ;;
    *) not_ok "demo data has $kind items (kinds: $kinds)" ;;
  esac
done

# Right 6 covers decisions too: the demo has some still to be told to the victim.
decisions=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for i in d["items"] if i["kind"] == "right6" and "Decision to" in i["what"]) > 0)
' "$dir/due.json")
check "demo data has Right 6 decisions" "$decisions" True

fields=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
i = d["items"][0]
print(d["kind"], d["now"], ",".join(k for k in ("crime_reference", "kind", "what", "due", "state",
                                                 "owner") if k in i))
' "$dir/due.json")
check "items carry the case, kind, what, due, state and owner" "$fields" \
  "training 2026-12-02T09:00:00Z crime_reference,kind,what,due,state,owner"

# --owner keeps one owner's items only; an unknown owner has none.
owner=$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["items"][0]["owner"])
' "$dir/due.json")
"$cli" due --db "$dir/w.db" --json --now 2026-12-02T09:00 --owner "$owner" >"$dir/owner.json"
others=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for i in d["items"] if i["owner"].lower() != sys.argv[2].lower()), len(d["items"]) > 0)
' "$dir/owner.json" "$owner")
check "--owner lists only that owner's items" "$others" "0 True"
none=$("$cli" due --db "$dir/w.db" --json --owner "Nobody At All" | python3 -c '
import json, sys
print(len(json.load(sys.stdin)["items"]))')
check "an unknown owner has nothing due" "$none" 0

# --now only judges: the same workspace later has more overdue, and nothing was written.
before=$(sha256sum "$dir/w.db" | cut -d" " -f1)
later=$("$cli" due --db "$dir/w.db" --json --now 2027-06-01T09:00 | python3 -c '
import json, sys
print(sum(1 for i in json.load(sys.stdin)["items"] if i["state"] == "overdue"))')
earlier=$(python3 -c '
import json, sys
print(sum(1 for i in json.load(open(sys.argv[1]))["items"] if i["state"] == "overdue"))
' "$dir/due.json")
if [ "$later" -gt "$earlier" ]; then ok "--now moves the states"; else
  not_ok "--now moves the states ($earlier then $later)"; fi
check "--now writes nothing" "$(sha256sum "$dir/w.db" | cut -d" " -f1)" "$before"

"$cli" due --db "$dir/w.db" >/dev/null 2>&1
check "without --json is a usage error" "$?" 2
"$cli" due --db "$dir/w.db" --json --now yesterday >/dev/null 2>&1
check "an unreadable --now is a usage error" "$?" 2

echo "1..$n"
[ "$failed" -eq 0 ]
