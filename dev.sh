#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One script for contributors and CI:
#   ./dev.sh run [FILE]     install missing build dependencies, build, start Kizuna
#   ./dev.sh test           the same set-up, then the whole test suite (headless under
#                           Xvfb when there is no display)
#   ./dev.sh sanitize       the whole suite again in an AddressSanitizer + UBSan build
#   ./dev.sh fuzz [SECONDS] the loader's libFuzzer target from the seed corpus (default 60)
#   ./dev.sh bench          the benchmark programs (meson benchmark), release build
#
# On Debian and Ubuntu missing packages are installed with apt-get (through sudo when not
# root); elsewhere the script names the packages to install and stops.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$top"

build_packages=(meson ninja-build pkg-config gcc libgtk-4-dev libjson-glib-dev gettext
                libglib2.0-bin libglib2.0-dev-bin desktop-file-utils appstream shared-mime-info python3
                python3-jsonschema)
test_packages=(xvfb xauth dbus dbus-x11 flatpak-builder locales fonts-noto-cjk
               fonts-lohit-deva poppler-utils)
fuzz_packages=(clang libclang-rt-dev)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

ensure_packages() {
  local missing=() pkg
  if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
    for pkg in meson ninja pkg-config; do
      command -v "$pkg" >/dev/null || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ] || ! pkg-config --exists 'gtk4 >= 4.8' 'json-glib-1.0 >= 1.6'; then
      echo "This is not a Debian or Ubuntu system. Install the equivalents of:" >&2
      echo "  $*" >&2
      exit 1
    fi
    return
  fi
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "Installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Japanese and Hindi locales, so the translations can be checked where they run.
ensure_locales() {
  [ -f /etc/locale.gen ] || return 0
  if ! locale -a 2>/dev/null | grep -qi '^ja_JP.utf8$' || ! locale -a 2>/dev/null | grep -qi '^hi_IN.utf8$'; then
    [ "$(id -u)" -eq 0 ] || { echo "Run as root (or generate ja_JP.UTF-8 and hi_IN UTF-8 locales) for the translation tests" >&2; return 0; }
    sed -i -E 's/^# *(ja_JP.UTF-8 UTF-8|hi_IN UTF-8|en_US.UTF-8 UTF-8)/\1/' /etc/locale.gen
    locale-gen >/dev/null
  fi
}

werror() { [ "${CI:-}" = true ] && echo true || echo false; }

configure() {  # configure DIR [meson options…]
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" -Dwerror="$(werror)" "$@" >/dev/null
  else
    meson setup "$dir" -Dwerror="$(werror)" "$@"
  fi
  meson compile -C "$dir"
}

# Prints the plain closing line CI reads: "N passed, N failed".
summarize() {  # summarize DIR LABEL
  python3 - "$1/meson-logs/testlog.json" "$2" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): passed += 1
    elif r == "SKIP": skipped += 1
    else: failed += 1
print(f"{sys.argv[2]}: {passed} passed, {failed} failed, {skipped} skipped")
PY
}

# Runs the test suite under Xvfb (and a private D-Bus) unless a display is present.
headless() {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$@"
  else
    xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- "$@"
  fi
}

run_suite() {  # run_suite DIR LABEL [meson test options…]
  local dir=$1 label=$2 status=0; shift 2
  headless meson test -C "$dir" --print-errorlogs "$@" || status=$?
  summarize "$dir" "$label"
  return $status
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case $cmd in
  run)
    ensure_packages "${build_packages[@]}"
    configure build
    log "Starting Kizuna"
    GSETTINGS_SCHEMA_DIR="$top/build/data" exec build/src/kizuna "$@"
    ;;
  test)
    ensure_packages "${build_packages[@]}" "${test_packages[@]}"
    ensure_locales
    configure build
    run_suite build "tests"
    ;;
  sanitize)
    ensure_packages "${build_packages[@]}" "${test_packages[@]}"
    ensure_locales
    configure build-sanitize -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
    # Leaks are checked in the model's tests; GTK and fontconfig keep caches for the process
    # lifetime, which LeakSanitizer would report from every widget test.
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    ASAN_OPTIONS=detect_leaks=1 run_suite build-sanitize "sanitized model tests" --suite model
    ASAN_OPTIONS=detect_leaks=0 run_suite build-sanitize "sanitized tests" --no-suite model
    ;;
  fuzz)
    seconds=${1:-60}
    ensure_packages "${build_packages[@]}" "${fuzz_packages[@]}"
    CC=clang configure build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
    mkdir -p build-fuzz/corpus
    log "Fuzzing the loader for $seconds seconds"
    status=0
    (cd build-fuzz && UBSAN_OPTIONS=halt_on_error=1 ./tests/fuzz/fuzz-loader \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -dict="$top/tests/fuzz/json.dict" corpus "$top/tests/data/good" "$top/tests/data/bad") || status=$?
    if [ $status -eq 0 ]; then echo "fuzz: 1 passed, 0 failed"; else echo "fuzz: 0 passed, 1 failed"; fi
    exit $status
    ;;
  bench)
    ensure_packages "${build_packages[@]}"
    ensure_packages xvfb xauth dbus dbus-x11
    configure build-release --buildtype=release
    # bench-startup opens the window: it needs a display, as the test suite does.
    headless meson test -C build-release --benchmark --verbose
    ;;
  *)
    sed -n '3,12p' "$0"
    exit 2
    ;;
esac
