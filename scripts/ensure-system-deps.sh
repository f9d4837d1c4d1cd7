#!/usr/bin/env bash
# Install the Debian packages that building PyICU from source needs, but only
# the ones that are missing. Quiet and idempotent when everything is present.
#
#   libicu-dev  ICU headers and libraries (PyICU links against the system ICU)
#   pkg-config  how PyICU's setup.py finds ICU's flags
#   g++         PyICU is a C++ extension
#   python3-venv / python3-dev  only when the python3 in use lacks venv/ensurepip
#                               or Python.h (e.g. Debian's own python3)
#
# With --test, also what the test suite needs (`make test`):
#   default-jre-headless  a Java runtime for the PySpark tests (translit.spark), when
#                         no `java` 17 or newer is on PATH
#   chromium chromium-driver  the headless browser and its WebDriver for the page of
#                         `translit serve` (tests/test_serve_browser.py, selenium)
#   curl                  the HTTP examples of docs/serve.md (run by tests/test_docs.py)
#
# Usage: scripts/ensure-system-deps.sh [--test] [PYTHON]   (PYTHON defaults to python3)
set -euo pipefail

FOR_TESTS=false
if [ "${1:-}" = "--test" ]; then
    FOR_TESTS=true
    shift
fi
PYTHON="${1:-${PYTHON:-python3}}"
missing=()

have_pkg() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

have_pkg libicu-dev || missing+=(libicu-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
if "$FOR_TESTS"; then
    if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
        missing+=(default-jre-headless)
    fi
    have_pkg chromium || missing+=(chromium)
    have_pkg chromium-driver || missing+=(chromium-driver)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
fi

if command -v "$PYTHON" >/dev/null 2>&1; then
    "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
    "$PYTHON" - >/dev/null 2>&1 <<'PY' || missing+=(python3-dev)
import os, sys, sysconfig
sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)
PY
else
    missing+=(python3 python3-venv python3-dev)
fi

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-system-deps: missing ${missing[*]} and no apt-get here; install them by hand" >&2
    exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        echo "ensure-system-deps: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "ensure-system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
