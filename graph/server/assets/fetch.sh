#!/bin/sh
# Fetches the console's third-party assets from the npm registry and keeps
# only what the console loads, so that it works offline and from any
# address (run by `go generate ./graph/server`; the output is committed,
# so builds and CI need neither npm nor a network):
#   monaco-vs.tgz          monaco-editor@0.18.1 min/vs (the query editor; 1.9 MB
#                          gzipped, 8.2 MB unpacked — unpacked in memory at start)
#   material-icons.woff2   material-icons@1.13.14 (the console's icon font)
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent monaco-editor@0.18.1 material-icons@1.13.14 >/dev/null)
mkdir "$tmp/m" "$tmp/i"
tar xzf "$tmp"/monaco-editor-0.18.1.tgz -C "$tmp/m"
tar xzf "$tmp"/material-icons-1.13.14.tgz -C "$tmp/i"
# Sorted names and fixed metadata keep the archive byte-identical across runs.
(cd "$tmp/m/package/min" && find vs -type f | LC_ALL=C sort > "$tmp/list" &&
	tar --owner=0 --group=0 --numeric-owner --mtime=2019-09-01 -cf - -T "$tmp/list") | gzip -n -9 > monaco-vs.tgz
cp "$tmp/i/package/iconfont/material-icons.woff2" material-icons.woff2
cp "$tmp/m/package/LICENSE" LICENSE.monaco-editor
cp "$tmp/i/package/LICENSE" LICENSE.material-icons 2>/dev/null || true
