#!/bin/sh
# Installs every Debian package the build, the samples and the tests need.
# Safe to run again; needs root (or sudo).
set -e
PKGS="build-essential autoconf automake libtool pkg-config
      libelf-dev libffi-dev libcapstone-dev libcunit1-dev libbsd-dev
      clang lld golang-go golang-golang-x-sys-dev file"
# npm fetches the real foreign programs the tests run (esbuild for FreeBSD);
# a machine without node gets Debian's, whose node also loads rollup's
# FreeBSD addon under the preload shim (tests/npm/rollup-native.sh).
{ command -v npm && command -v node; } >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
missing=
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
