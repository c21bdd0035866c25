#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ui-validate.sh FILE.ui… — gtk4-builder-tool validate on every .ui file.
#
# The builder tool knows GTK's types but not ours: a template's own class it fakes, but
# our widgets used inside another template (KzAreaList, KzTimelineView, KzDetailPane in
# the window) it cannot. Those are validated as a GtkBox (GtkWidget is abstract): the window
# sets only GtkWidget properties on them, and test-window builds every template for real.
# The tool needs a display (it crashes without one): run the tests under xvfb-run.
set -u
status=0
tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT

for ui in "$@"; do
  name=$(basename "$ui")
  sed -E 's/<object class="Kz[A-Za-z]+"/<object class="GtkBox"/' "$ui" > "$tmpdir/$name"
  if output=$(gtk4-builder-tool validate "$tmpdir/$name" 2>&1) && [ -z "$output" ]; then
    echo "ok: $name"
  else
    echo "FAILED: $name"
    echo "$output" | sed "s|$tmpdir/||"
    status=1
  fi
done
exit $status
