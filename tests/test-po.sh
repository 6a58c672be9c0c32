#!/bin/sh
# test-po.sh: every translation passes `msgfmt -c` and translates every message of the sources
#
# Copyright 2026 Soteria Workbench developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-po.sh SOURCE-ROOT LANG...     (TAP output)
#
# The template is extracted afresh from po/POTFILES.in with the keywords of meson's glib preset,
# so a string added to the sources without a translation fails here even before update-po ran.

set -u

srcroot=${1:?usage: test-po.sh SOURCE-ROOT LANG...}
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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

if ! (cd "$srcroot" && xgettext --package-name=soteria-workbench --output="$tmp/template.pot" \
        --files-from=po/POTFILES.in --from-code=UTF-8 --add-comments \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
        --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
        --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
        --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
        --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format \
        --flag=g_print:1:c-format --flag=g_printf:1:c-format 2> "$tmp/xgettext.log"); then
  cat "$tmp/xgettext.log" | sed 's/^/# /'
  echo "Bail out! xgettext could not extract the template"
  exit 1
fi

for lang in "$@"; do
  po="$srcroot/po/$lang.po"

  if msgfmt --check --check-format -o /dev/null "$po" 2> "$tmp/check.log"; then
    ok "$lang.po passes msgfmt -c"
  else
    sed 's/^/# /' "$tmp/check.log"
    not_ok "$lang.po passes msgfmt -c"
  fi

  # Against the current sources: what update-po would leave untranslated or fuzzy.
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/template.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ')
  # Each output has the header entry when it has any message at all.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  echo "# $lang: $untranslated untranslated, $fuzzy fuzzy"
  if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
    ok "$lang.po translates every message"
  else
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" \
      | grep '^msgid "..*"' | head -n 40 | sed 's/^/# untranslated: /'
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" \
      | grep '^msgid "..*"' | head -n 40 | sed 's/^/# fuzzy: /'
    not_ok "$lang.po translates every message"
  fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
