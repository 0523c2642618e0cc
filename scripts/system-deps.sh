#!/usr/bin/env bash
# System programs the tests use: LibreOffice Writer and Impress (the tests open the DOCX and the
# PPTX the way a reader does), Chromium (browser tests), poppler (PDF text, fonts and pages), a CJK
# font (LibreOffice's Korean), PostgreSQL (the shared-store tests start their own server). The app
# itself needs none of them (its fonts ship with pip). Installed with apt when run as root on
# Debian/Ubuntu; otherwise this prints the exact command to run and fails.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-impress-nogui >/dev/null 2>&1 || dpkg -s libreoffice-impress >/dev/null 2>&1 \
  || need+=(libreoffice-impress-nogui)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ko 2>/dev/null | head -n 1)" ]; then
  need+=(fonts-noto-cjk fontconfig)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi
echo "Missing system packages. Install them, then run make again:" >&2
echo "  sudo apt-get install -y ${need[*]}" >&2
exit 1
