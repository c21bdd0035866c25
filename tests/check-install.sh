#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` into a scratch DESTDIR: exactly the expected files, each in its place, and
# the installed ones valid. (meson skips post-install scripts under DESTDIR by design; a
# real install runs glib-compile-schemas, gtk4-update-icon-cache, update-desktop-database
# and update-mime-database through gnome.post_install in data/meson.build.)
#   check-install.sh BUILD_DIR PREFIX
set -euo pipefail
build=$1
prefix=${2#/}
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null

expected="$prefix/bin/kizuna
$prefix/share/applications/io.github.kizuna.Kizuna.desktop
$prefix/share/glib-2.0/schemas/io.github.kizuna.Kizuna.gschema.xml
$prefix/share/icons/hicolor/scalable/apps/io.github.kizuna.Kizuna.svg
$prefix/share/icons/hicolor/symbolic/apps/io.github.kizuna.Kizuna-symbolic.svg
$prefix/share/locale/hi/LC_MESSAGES/kizuna.mo
$prefix/share/locale/ja/LC_MESSAGES/kizuna.mo
$prefix/share/metainfo/io.github.kizuna.Kizuna.metainfo.xml
$prefix/share/mime/packages/io.github.kizuna.Kizuna.xml"

actual=$(cd "$dest" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort)
if [ "$actual" != "$expected" ]; then
  echo "installed files differ from the expected list:"
  diff <(echo "$expected") <(echo "$actual") || true
  exit 1
fi

root="$dest/$prefix"
test -x "$root/bin/kizuna" || { echo "kizuna is not executable"; exit 1; }
desktop-file-validate "$root/share/applications/io.github.kizuna.Kizuna.desktop"
appstreamcli validate --no-net "$root/share/metainfo/io.github.kizuna.Kizuna.metainfo.xml" >/dev/null
glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas"
for mo in "$root"/share/locale/*/LC_MESSAGES/kizuna.mo; do
  msgunfmt "$mo" >/dev/null || { echo "$mo is not a valid catalogue"; exit 1; }
done
# The installed program runs without its build tree, and with no display.
env -u DISPLAY -u WAYLAND_DISPLAY "$root/bin/kizuna" --version | grep -q '^Kizuna '
echo "install: $(echo "$actual" | wc -l) files, all in place and valid"
