#!/usr/bin/env bash
# Installs what Sandtable needs to build (libedit-dev, libsqlite3-dev), and with --test what its tests need
# (tmux for the pseudo-terminal tests, chromium and poppler-utils for the HTML report's screen and print checks,
# neovim for the language server's editor test). Idempotent.
set -euo pipefail

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

missing=()
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# SQLite's header and library, for `sandtable export --format sqlite` (GRDB builds on the system's SQLite).
[ -e /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
if [ "$want_test" = 1 ]; then
  command -v tmux >/dev/null 2>&1 || missing+=(tmux)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # `sandtable lsp` behind a real client: Neovim's built-in LSP, headless.
  command -v nvim >/dev/null 2>&1 || missing+=(neovim)
  # The export tests query the database with the sqlite3 client, as an analyst would.
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  # The report's print check renders the PDF's pages to images (pdftoppm) and reads its page size (pdfinfo).
  command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  # Chinese text in the HTML report's screenshots needs a CJK font.
  fc-list 2>/dev/null | grep -qi 'noto.*cjk' || missing+=(fonts-noto-cjk)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! pkg-config --exists libedit; then
  echo "setup: libedit still not found by pkg-config; install libedit-dev by hand" >&2
  exit 1
fi
