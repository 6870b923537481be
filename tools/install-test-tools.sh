#!/usr/bin/env bash
# The programs the test suite drives besides Python packages: Debian's Chromium (the HTML
# report is rendered in it), git and patch (--diff-base, pre-commit, and --diff applied for
# real), reviewdog (it reads the rdjson report), and Java 17 with Maven (the grammar tests run a
# real LanguageTool server, which `copydesk grammar install` fetches with Maven). Each is
# installed only when it is missing. Chromium, git, patch, Java and Maven come from Debian's
# packages (root needed); reviewdog is built with Go into .tools/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v git >/dev/null 2>&1 || ! command -v patch >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium git patch
fi

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] || ! command -v mvn >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends openjdk-17-jre-headless maven
fi

REVIEWDOG_VERSION=v0.17.0
if [ ! -x .tools/bin/reviewdog ]; then
  if ! command -v go >/dev/null 2>&1; then
    apt-get install -y -q --no-install-recommends golang-go
  fi
  GOBIN="$PWD/.tools/bin" go install "github.com/reviewdog/reviewdog/cmd/reviewdog@${REVIEWDOG_VERSION}"
fi
