#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The checks that hold the translations (run by `meson test --suite po`):
#
#   check-translations.sh complete LANG.po SOURCE_ROOT
#       msgfmt --check (formats, plural forms, header, mnemonics) passes and every message
#       is translated: no untranslated and no fuzzy entries — counted against a template
#       made afresh from the sources, so a string added or changed in the code and not yet
#       translated fails here too.
#   check-translations.sh help KIZUNA LOCALEDIR LANGUAGE LOCALE EXPECTED…
#       `KIZUNA --help`, run with no display in LOCALE with the catalogues in LOCALEDIR,
#       prints every EXPECTED text (the translated summary, option descriptions…).
#   check-translations.sh potfiles SOURCE_ROOT
#       every source and UI file with translatable strings is listed in po/POTFILES.in.
set -u

fail() {
  printf '%s\n' "$*" >&2
  exit 1
}

complete() {
  po=$1 root=$2
  [ -f "$po" ] || fail "$po: no such file"

  # The template as `meson compile kizuna-pot` makes it (i18n.gettext's glib preset).
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$root" && xgettext --package-name=kizuna --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
      --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --files-from=po/POTFILES.in -o "$tmp/kizuna.pot") || fail "xgettext failed"
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$tmp/kizuna.pot" ||
    fail "msgmerge failed"
  source_po=$po
  po=$tmp/merged.po

  stats=$(msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$po" 2>&1)
  status=$?
  printf '%s\n' "$stats"
  [ $status -eq 0 ] || fail "$po: msgfmt --check failed (see above)"

  untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep -c '^msgid ')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -c '^msgid ')
  # msgattrib repeats the header entry (msgid "") whenever it prints anything.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))

  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "$source_po: $untranslated untranslated and $fuzzy fuzzy messages:" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^/  untranslated: /' >&2
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^/  fuzzy: /' >&2
    fail "Translate them (and remove the fuzzy flags) after \`meson compile -C BUILDDIR kizuna-update-po\`."
  fi

  echo "$source_po: every message of the current sources is translated"
}

help_text() {
  kizuna=$1 localedir=$2 language=$3 locale=$4
  shift 4

  [ -x "$kizuna" ] || fail "$kizuna: no such program"
  [ -f "$localedir/$language/LC_MESSAGES/kizuna.mo" ] ||
    fail "$localedir/$language/LC_MESSAGES/kizuna.mo is missing: build the kizuna-gmo target"

  # Without the locale, setlocale() falls back to C and gettext ignores LANGUAGE: the help
  # would come out in English and this test would say nothing about the translation.
  charmap=$(LC_ALL=$locale locale charmap 2>/dev/null)
  if [ "$charmap" != "UTF-8" ]; then
    fail "The locale $locale is not installed, so the $language translation cannot be checked.
Generate it as root; on Debian (\`./dev.sh test\` does this):
  sed -i -E 's/^# *(ja_JP.UTF-8 UTF-8|hi_IN UTF-8)/\\1/' /etc/locale.gen && locale-gen"
  fi

  # No display: --help must work where the command-line modes work.
  output=$(env -u DISPLAY -u WAYLAND_DISPLAY LANGUAGE="$language" LC_ALL="$locale" \
             KIZUNA_LOCALEDIR="$localedir" "$kizuna" --help 2>&1)
  status=$?
  printf '%s\n' "$output"
  [ $status -eq 0 ] || fail "$kizuna --help exited with status $status in $locale"

  missing=0
  for expected in "$@"; do
    case $output in
      *"$expected"*) ;;
      *) echo "missing from the $language help: $expected" >&2; missing=1 ;;
    esac
  done
  [ $missing -eq 0 ] || fail "The $language help is not the translation in po/$language.po (or the catalogue was not found in $localedir)."
  echo "The $language help is translated"
}

potfiles() {
  root=$1
  cd "$root" || fail "$root: no such folder"
  listed=$(grep -v '^#' po/POTFILES.in | sed '/^[[:space:]]*$/d')
  [ "$listed" = "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ] || fail "po/POTFILES.in is not sorted"

  missing=0
  for file in $(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\(|translatable="yes"' \
                  src ui data --include='*.c' --include='*.h' --include='*.ui' \
                  --include='*.in' --include='*.xml' | LC_ALL=C sort); do
    printf '%s\n' "$listed" | grep -qxF "$file" || { echo "not in po/POTFILES.in: $file" >&2; missing=1; }
  done
  for file in $listed; do
    [ -f "$file" ] || { echo "listed in po/POTFILES.in but missing: $file" >&2; missing=1; }
  done
  [ $missing -eq 0 ] || fail "Update po/POTFILES.in (keep it sorted), then run kizuna-update-po."
  echo "po/POTFILES.in lists every file with translatable strings"
}

command=${1:-}
[ $# -gt 0 ] && shift
case $command in
  complete) [ $# -eq 2 ] || fail "usage: $0 complete LANG.po SOURCE_ROOT"; complete "$1" "$2" ;;
  help) [ $# -ge 5 ] || fail "usage: $0 help KIZUNA LOCALEDIR LANGUAGE LOCALE EXPECTED…"; help_text "$@" ;;
  potfiles) [ $# -eq 1 ] || fail "usage: $0 potfiles SOURCE_ROOT"; potfiles "$1" ;;
  *) fail "usage: $0 complete|help|potfiles …" ;;
esac
