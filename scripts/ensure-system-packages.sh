#!/usr/bin/env bash
# Install the Debian packages baulast needs, but only those that are missing.
# Usage: scripts/ensure-system-packages.sh [extra-package ...]
set -euo pipefail

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx deu; then missing+=(tesseract-ocr-deu); fi
if ! tesseract --list-langs 2>/dev/null | grep -qx osd; then missing+=(tesseract-ocr-osd); fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# PostgreSQL server for the storage tests (tests/pgserver.py starts a throwaway one).
# Debian keeps initdb/pg_ctl/postgres off PATH, in /usr/lib/postgresql/<version>/bin;
# unaccent and pg_trgm ship inside postgresql-<version> itself.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
   || ! compgen -G '/usr/share/postgresql/*/extension/unaccent.control' >/dev/null \
   || ! compgen -G '/usr/share/postgresql/*/extension/pg_trgm.control' >/dev/null; then
  missing+=(postgresql)
fi
# Headless Chromium for the real-browser tests (tests/browser.py drives it with Playwright
# through executable_path, so Playwright never downloads a browser build of its own).
[ -x /usr/bin/chromium ] || missing+=(chromium)
# A font for headless screenshots of German text. Chromium only recommends fonts-liberation
# (skipped by --no-install-recommends); fontconfig pulls in one of several fonts, so name
# DejaVu explicitly to make the screenshots the same on every machine.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
# The fonts the sample-scan generator types its forms in (tests, `make eval` and `make bench`
# generate scans): Liberation, GNU FreeFont and the condensed DejaVu faces.
for pkg in fonts-liberation fonts-freefont-ttf fonts-dejavu-extra; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi

# The postgresql packages' postinst creates a "main" cluster and asks invoke-rc.d to start
# it. The tests never use that service, and in a container without systemd starting it can
# fail or leave a stray server behind, so keep services from starting during the install
# with a temporary policy-rc.d ("exit 101" = action forbidden), unless one is there already.
policy=/usr/sbin/policy-rc.d
remove_policy=""
if [[ " ${missing[*]} " == *" postgresql "* ]] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# temporary, from baulast scripts/ensure-system-packages.sh\nexit 101\n' \
    | $sudo tee "$policy" >/dev/null
  $sudo chmod 755 "$policy"
  remove_policy="$policy"
  trap '$sudo rm -f "$remove_policy"' EXIT
fi

# env: sudo resets the environment, so pass DEBIAN_FRONTEND through it explicitly.
apt=($sudo env DEBIAN_FRONTEND=noninteractive apt-get)
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}" </dev/null >/dev/null
