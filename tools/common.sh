# Shared by tools/run, tools/test, tools/bench, tools/screenshots.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc)}"

# Installs what is missing, configures and builds. Extra arguments go to cmake.
workbench_build() {
  "$ROOT/tools/deps"
  local generator=()
  if command -v ninja >/dev/null 2>&1 && [ ! -f "$BUILD_DIR/Makefile" ]; then
    generator=(-G Ninja)
  fi
  local launcher=()
  # A compiler cache, when the machine has one, makes rebuilds of other
  # checkouts cheap; nothing depends on it.
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$BUILD_DIR" --parallel "$JOBS"
}

# A private runtime folder (Qt wants one; root has none by default).
workbench_runtime_dir() {
  if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -w "${XDG_RUNTIME_DIR}" ]; then
    XDG_RUNTIME_DIR="$(mktemp -d /tmp/workbench-runtime.XXXXXX)"
    export XDG_RUNTIME_DIR
  fi
  chmod 700 "$XDG_RUNTIME_DIR"
}
