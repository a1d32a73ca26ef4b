#!/usr/bin/env bash
# test.sh — the one test command: installs what the tests need when it is
# missing, then runs every Go test.
#
#   ./test.sh                 all tests (unit, golden, site, browser, e-mail)
#   ./test.sh -run Golden     extra arguments go to `go test`
#   FUZZTIME=15s ./test.sh    also runs each fuzz target for FUZZTIME
#
# Needs: Go (go.mod's version), and on Debian/Ubuntu: apt-get (Chromium),
# Node.js + npm (axe-core, vnu-jar, caniemail), Java 11+ (vnu-jar),
# SpamAssassin (the e-mail exports' spam score), Firefox (their layout in Gecko).
set -euo pipefail
cd "$(dirname "$0")"

need_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Chromium for the browser tests (chromedp).
if [ -z "${CHROME_PATH:-}" ]; then
  for c in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$c" >/dev/null 2>&1; then CHROME_PATH=$(command -v "$c"); break; fi
  done
fi
if [ -z "${CHROME_PATH:-}" ]; then
  echo "test.sh: installing Chromium (apt-get install chromium)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || \
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-browser >/dev/null
  CHROME_PATH=$(command -v chromium || command -v chromium-browser)
fi
export CHROME_PATH

# Java for the W3C Nu checker.
if ! command -v java >/dev/null 2>&1; then
  echo "test.sh: installing Java (apt-get install default-jre-headless)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi

# SpamAssassin for the e-mail exports' spam score (local tests only).
if ! command -v spamassassin >/dev/null 2>&1; then
  echo "test.sh: installing SpamAssassin (apt-get install spamassassin)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq spamassassin >/dev/null
fi

# Firefox (Gecko, Thunderbird's engine) for the e-mail exports' layout.
if [ -z "${FIREFOX_PATH:-}" ] && ! command -v firefox-esr >/dev/null 2>&1 && ! command -v firefox >/dev/null 2>&1; then
  echo "test.sh: installing Firefox (apt-get install firefox-esr)"
  need_root apt-get update -qq
  need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null || \
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox >/dev/null
fi

# npm tools: axe-core, vnu-jar, caniemail (pinned in tools/package-lock.json).
if [ ! -f tools/node_modules/.kz30-installed ] || [ tools/package-lock.json -nt tools/node_modules/.kz30-installed ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing Node.js and npm"
    need_root apt-get update -qq
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "test.sh: installing test tools (npm ci in tools/)"
  # vnu-jar's postinstall would download a Java runtime; the system Java is used instead.
  (cd tools && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
  touch tools/node_modules/.kz30-installed
fi
KZ30_TOOLS=$(pwd)/tools/node_modules
export KZ30_TOOLS
# Tests that need a tool fail (never skip) when it is missing.
export KZ30_REQUIRE_TOOLS=1

go vet ./...
go test -count=1 -timeout 40m ./... "$@"

if [ -n "${FUZZTIME:-}" ]; then
  for pkg in $(go list ./...); do
    for f in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
      echo "test.sh: fuzzing $pkg $f for $FUZZTIME"
      go test -run '^$' -fuzz "^$f\$" -fuzztime "$FUZZTIME" "$pkg"
    done
  done
fi
