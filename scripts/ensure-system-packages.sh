#!/usr/bin/env bash
# Install the Debian packages baulast needs, but only those that are missing.
# Usage: scripts/ensure-system-packages.sh [extra-package ...]
set -euo pipefail

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx deu; then missing+=(tesseract-ocr-deu); fi
if ! tesseract --list-langs 2>/dev/null | grep -qx osd; then missing+=(tesseract-ocr-osd); fi
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
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
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
