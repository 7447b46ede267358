#!/usr/bin/env bash
# What the tests need from Debian, never downloaded from elsewhere: Chromium for the browser tests and
# nginx for the deployment example (docs/deploy.md). Installs what is missing when we may (root with
# apt-get); otherwise says exactly what to run.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the tests (apt-get)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need ${missing[*]}. Install with: sudo apt-get install ${missing[*]}" >&2
exit 1
