#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Check the shared-mime-info package: update-mime-database must read it without complaint
# (it reports errors but still exits 0), and *.kizuna.json must map to our type, which must
# be a sub-class of application/json.
#
# usage: check-mime.sh UPDATE_MIME_DATABASE MIME_XML
set -eu
[ $# -eq 2 ] || { echo "usage: check-mime.sh UPDATE_MIME_DATABASE MIME_XML" >&2; exit 2; }
update_mime_database=$1
xml=$2
type=application/x-kizuna-dataset+json

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/kizuna.xml"   # the tool reads only *.xml

# XDG_DATA_DIRS names the scratch database so the tool does not print its search-path note.
XDG_DATA_HOME=$tmp XDG_DATA_DIRS=$tmp "$update_mime_database" "$tmp/mime" >"$tmp/log" 2>&1
if [ -s "$tmp/log" ]; then
  echo "$xml: update-mime-database reports:" >&2
  cat "$tmp/log" >&2
  exit 1
fi
status=0
grep -qx "[0-9]*:$type:\*\.kizuna\.json" "$tmp/mime/globs2" ||
  { echo "$xml: no glob *.kizuna.json for $type" >&2; status=1; }
grep -qx "$type application/json" "$tmp/mime/subclasses" ||
  { echo "$xml: $type is not a sub-class of application/json" >&2; status=1; }
[ $status -eq 0 ] && echo "$xml: OK"
exit $status
