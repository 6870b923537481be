#!/usr/bin/env bash
# The outside programs the integration tests drive, installed when missing and when this
# machine allows it:
#   Chromium       the HTML report is rendered in it            (Debian package)
#   git, patch     --diff-base, pre-commit, --diff applied      (Debian packages)
#   Java 17, Maven LanguageTool, fetched by `copydesk grammar install`  (Debian packages)
#   reviewdog      reads the rdjson report                      (built with Go into .tools/bin)
# Debian packages need root and apt-get. Without them, or without Go, the script says what it
# could not install and goes on: the tests that need that program are then skipped with the
# reason (and fail under CI=true, where every test must run). Run it after copydesk is
# installed (`pip install ".[test,grammar]"`), so that it can install LanguageTool.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
note() { echo "install-test-tools: $*" >&2; }

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {  # packages...
  if can_apt; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q --no-install-recommends "$@" && return 0
  fi
  return 1
}

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v git >/dev/null 2>&1 || need+=(git)
command -v patch >/dev/null 2>&1 || need+=(patch)
if ! command -v java >/dev/null 2>&1 || [ "$(java_major || echo 0)" -lt 17 ] 2>/dev/null; then need+=(openjdk-17-jre-headless); fi
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -gt 0 ] && ! apt_install "${need[@]}"; then
  missing+=("${need[@]}")
fi

# reviewdog v0.17.0 asks for Go 1.21 (a toolchain directive older Go cannot read); Debian 12's
# own Go is 1.19, which builds v0.14.1 (it declares Go 1.17; rdjson has been read since v0.11).
if [ ! -x .tools/bin/reviewdog ]; then
  if ! command -v go >/dev/null 2>&1; then
    apt_install golang-go || true
  fi
  if command -v go >/dev/null 2>&1; then
    minor=$(go env GOVERSION | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
    if [ "${minor:-0}" -ge 21 ]; then REVIEWDOG_VERSION=v0.17.0; else REVIEWDOG_VERSION=v0.14.1; fi
    GOBIN="$PWD/.tools/bin" go install "github.com/reviewdog/reviewdog/cmd/reviewdog@${REVIEWDOG_VERSION}" \
      || missing+=(reviewdog)
  else
    missing+=(reviewdog)
  fi
fi

# LanguageTool, the way a user installs it.
if command -v copydesk >/dev/null 2>&1; then
  copydesk grammar install || missing+=(languagetool)
else
  note "copydesk is not installed yet: run pip install \".[test,grammar]\" first to install LanguageTool"
  missing+=(languagetool)
fi

if [ ${#missing[@]} -gt 0 ]; then
  note "could not install: ${missing[*]} (no root or apt-get, no Go, or no network); the integration tests"
  note "that need them will be skipped with the reason, and fail under CI=true"
fi
exit 0
