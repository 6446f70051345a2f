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

# The fuzz tests again under AddressSanitizer and UndefinedBehaviorSanitizer,
# in a build of their own that holds only the core library and the fuzz
# tests (-O1: the usual speed/findings balance for sanitizers). Extra
# arguments go to cmake.
workbench_fuzz_sanitized() {
  local dir="${SANITIZE_BUILD_DIR:-$BUILD_DIR-asan}"
  local generator=()
  if command -v ninja >/dev/null 2>&1 && [ ! -f "$dir/Makefile" ]; then
    generator=(-G Ninja)
  fi
  local launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  local start=$SECONDS
  cmake -S "$ROOT" -B "$dir" "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DWORKBENCH_SANITIZE=ON -DWORKBENCH_FUZZ_ONLY=ON \
    -DWORKBENCH_BUILD_BENCH=OFF "$@" >/dev/null
  cmake --build "$dir" --parallel "$JOBS" --target tst_fuzz_import tst_fuzz_syncpage
  echo "Sanitizer build: $((SECONDS - start)) s"
  start=$SECONDS
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    LSAN_OPTIONS="suppressions=$ROOT/tests/fuzz/lsan.supp:print_suppressions=0" \
    ctest --test-dir "$dir" -L fuzz --output-on-failure --parallel "$JOBS"
  echo "Sanitizer fuzz run: $((SECONDS - start)) s"
}
