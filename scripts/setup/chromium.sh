#!/usr/bin/env bash
# Headless Chromium for the report's browser tests (tests/report_browser.rs).
# Idempotent: does nothing when a chromium binary is already on PATH.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# fonts-noto-core: glyphs for Vietnamese diacritics in the screenshot.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core >/dev/null
command -v chromium >/dev/null
