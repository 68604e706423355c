#!/bin/sh
# Installs the npm packages the real-program tests use into DIR (default
# tests/npm/pkgs in the build tree): the FreeBSD and Linux builds of the
# same esbuild release, and lodash-es as input.  Nothing is committed.
#   setup.sh [DIR]    prints DIR on success
set -eu
DIR=${1:-tests/npm/pkgs}
ESBUILD_VERSION=${ESBUILD_VERSION:-0.28.2}
LODASH_VERSION=${LODASH_VERSION:-4.17.21}
mkdir -p "$DIR"
if [ ! -x "$DIR/node_modules/@esbuild/freebsd-x64/bin/esbuild" ] ||
   [ ! -x "$DIR/node_modules/@esbuild/linux-x64/bin/esbuild" ] ||
   [ ! -f "$DIR/node_modules/lodash-es/lodash.js" ]; then
	# --force: the FreeBSD package declares os "freebsd"; we only want its file.
	npm install --prefix "$DIR" --no-save --no-audit --no-fund --force --loglevel=error \
	    "@esbuild/freebsd-x64@$ESBUILD_VERSION" "@esbuild/linux-x64@$ESBUILD_VERSION" \
	    "lodash-es@$LODASH_VERSION" >&2
fi
echo "$DIR"
