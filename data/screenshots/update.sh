#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the real window (bundled dataset; light, an event selected, dark) into this folder:
# the pictures the README and the AppStream metainfo show. Run from the top of the tree after
# `./dev.sh test` (or any build in build/). Look at the results before committing them.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
meson compile -C "$top/build" tests/screenshots/kz-screenshots >/dev/null
GSETTINGS_SCHEMA_DIR="$top/build/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
  xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
  "$top/build/tests/screenshots/kz-screenshots" "$top/data/screenshots"
