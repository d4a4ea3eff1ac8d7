#!/usr/bin/env bash
# Installs Debian's Chromium when it is missing, because test/e2e/docs.test.ts renders
# /docs in it. Needs root or sudo. Without them it prints what to install, and the docs
# test fails.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "Chromium is missing and this user cannot install it: run 'apt-get install chromium' as root." >&2
    exit 0
  fi
fi
echo "Installing Debian's chromium for the /docs page test …" >&2
$SUDO apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
