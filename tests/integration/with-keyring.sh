#!/bin/sh
# Runs a test inside its own D-Bus session with a real GNOME Keyring
# (secrets component only), unlocked with a throwaway password, in a
# throwaway HOME: nothing touches the keyring of whoever runs the tests.
set -eu
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c '
  printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
