#!/bin/sh
# Checks that a catalogue has every string the sources mark for
# translation: extracts a fresh template and lists msgids missing from it.
set -eu
po=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
  -o "$tmp/ovttas.pot" $(find src -name '*.c' | sort)
msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/ovttas.pot"
missing=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry as well when anything is missing.
if [ "$missing" -gt 0 ]; then
  echo "FAIL $po lacks translations for:"
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid ' | grep -v '^msgid ""$' | head -40
  exit 1
fi
