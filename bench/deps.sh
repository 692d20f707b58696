#!/bin/bash
# Installs the Debian packages `make bench` / `make stress` need beyond `make deps` (as root), like `make deps`.
# An argument CMD:PKG is satisfied by CMD on PATH (e.g. npm from another node distribution) or else PKG.
set -u
missing=""
for p in "$@"; do
  case $p in *:*) command -v "${p%%:*}" >/dev/null && continue; p=${p#*:} ;; esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "ptrcheck: installing missing Debian packages:$missing"
if [ "$(id -u)" != 0 ]; then echo "ptrcheck: run as root, or: sudo apt-get install$missing" >&2; exit 1; fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null \
  || { echo "ptrcheck: apt-get install failed for:$missing" >&2; exit 1; }
