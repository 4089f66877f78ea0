#!/usr/bin/env bash
# THE test command (README, CI): `npm run test:all`, or `bash scripts/test-all.sh` before `npm ci`.
# On a fresh Debian/Ubuntu machine that has only Node it installs what the tests need and runs them:
# 1. Debian packages, only when missing: Chromium (the headless task-pane test; Playwright's own
#    browser download cannot work here), LibreOffice Calc (the second formula oracle, it recalculates
#    the .xlsx), poppler-utils (pdftoppm: the Overzicht picture for the README) and the Carlito font
#    (fonts-crosextra-carlito: Calibri's metrics, so LibreOffice lays out and prints the werkmap as
#    Excel does; without it LibreOffice falls back to DejaVu Sans, 1.25 × wider, and the print test
#    measures another page than Excel prints). Installed with apt-get as root, or through sudo,
#    without questions.
# 2. Node dependencies exactly from the lockfile, when node_modules is missing or does not match.
# 3. npm test (typecheck, lint, build, unit + formula-truth + LibreOffice tests, browser test).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "test-all: duurt ongeveer 30 minuten op 2 kernen (formula truth, LibreOffice, browser)." >&2

NEED=()
command -v chromium >/dev/null 2>&1 || NEED+=(chromium)
command -v soffice >/dev/null 2>&1 || NEED+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || NEED+=(poppler-utils)
fc-list -q Carlito 2>/dev/null || NEED+=(fonts-crosextra-carlito)
if [ ${#NEED[@]} -gt 0 ]; then
  echo "test-all: installing ${NEED[*]} (apt-get)" >&2
  SUDO=()
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo -n)
    else
      echo "test-all: ${NEED[*]} ontbreekt en dit is geen root zonder sudo." >&2
      echo "Installeer als root: apt-get install -y ${NEED[*]}" >&2
      exit 2
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${NEED[@]}" >/dev/null
fi
chromium --version
soffice --version
pdftoppm -v 2>&1 | sed -n 1p

# npm ci when node_modules is missing or does not match package.json (npm ls checks what is installed,
# not file dates, which a git checkout resets). A node_modules that is a link to a shared install is
# never replaced: npm ci would delete it for everyone.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  if [ -L node_modules ]; then
    echo "test-all: node_modules is een koppeling naar een gedeelde installatie die niet klopt; draai daar npm ci." >&2
    exit 2
  fi
  npm ci --no-audit --no-fund
fi

npm test
