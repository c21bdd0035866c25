#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest: flatpak-builder must accept it, and it must ask for no more
than the app needs.

The sandbox is part of the app's promise: files come and go only through portals (the file
chooser), so the manifest may grant IPC, a display and the GPU, and nothing else.
"""

import json
import os
import subprocess
import sys
import tempfile

USAGE = "usage: check-manifest.py FLATPAK_BUILDER MANIFEST APP_ID"
EXPECTED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
]
EXPECTED = {
    "runtime": "org.gnome.Platform",
    "sdk": "org.gnome.Sdk",
    "command": "kizuna",
}


def main(argv):
    if len(argv) != 4:
        print(USAGE, file=sys.stderr)
        return 2
    flatpak_builder, manifest_path, app_id = argv[1:]
    problems = []

    # 1. flatpak-builder itself parses the manifest as it would for a build. It runs in a
    #    scratch directory because it leaves a .flatpak-builder/ state directory behind.
    with tempfile.TemporaryDirectory() as scratch:
        shown = subprocess.run(
            [flatpak_builder, "--show-manifest", os.path.abspath(manifest_path)],
            capture_output=True, text=True, cwd=scratch,
        )
    if shown.returncode != 0:
        print(f"{manifest_path}: flatpak-builder rejects the manifest:\n{shown.stderr}",
              file=sys.stderr)
        return 1
    manifest = json.loads(shown.stdout)

    # 2. The file is strict JSON (no comments or trailing commas, which flatpak-builder
    #    tolerates but Flathub's tools do not) in Flathub's style: 4-space indent, one
    #    trailing newline.
    with open(manifest_path, encoding="utf-8") as f:
        text = f.read()
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(f"not strict JSON: {e}")
    else:
        if text != json.dumps(raw, indent=4, ensure_ascii=False) + "\n":
            problems.append("not formatted with a 4-space indent and a trailing newline "
                            "(python3 -m json.tool --indent 4 shows the expected form)")

    # 3. What the manifest says.
    app = manifest.get("id", manifest.get("app-id"))
    if app != app_id:
        problems.append(f"id is {app!r}, expected {app_id!r}")
    for key, value in EXPECTED.items():
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, expected {value!r}")
    finish_args = manifest.get("finish-args", [])
    if finish_args != EXPECTED_FINISH_ARGS:
        extra = [a for a in finish_args if a not in EXPECTED_FINISH_ARGS]
        missing = [a for a in EXPECTED_FINISH_ARGS if a not in finish_args]
        detail = "; ".join(filter(None, [
            extra and "not allowed: " + " ".join(extra),
            missing and "missing: " + " ".join(missing),
            not extra and not missing and "order differs",
        ]))
        problems.append(f"finish-args must be exactly {' '.join(EXPECTED_FINISH_ARGS)} ({detail})")
    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict) or modules[-1].get("name") != "kizuna":
        problems.append("the last module must be 'kizuna'")
    elif modules[-1].get("buildsystem") != "meson":
        problems.append("the 'kizuna' module must use the meson buildsystem")

    for p in problems:
        print(f"{manifest_path}: {p}", file=sys.stderr)
    if not problems:
        print(f"{manifest_path}: OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
