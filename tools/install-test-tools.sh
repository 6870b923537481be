#!/usr/bin/env bash
# The outside programs the integration tests drive, installed when missing and when this
# machine allows it:
#   Chromium       the HTML report and the serve page in it     (Debian package)
#   Neovim         the language server in a real editor         (Debian package)
#   LibreOffice    opens the Word drafts --fix and --annotate write (Debian package)
#   git, patch     --diff-base, pre-commit, --diff applied      (Debian packages)
#   Java 17, Maven LanguageTool, fetched by `copydesk grammar install`  (Debian packages)
#   reviewdog      reads the rdjson report                      (built with Go into .tools/bin)
# Debian packages need root and apt-get. Without them, or without Go, the script says what it
# could not install and goes on: the tests that need that program are then skipped with the
# reason (and fail under CI=true, where every test must run). Run it after copydesk is
# installed (`pip install ".[test,grammar,dask,serve,lsp]"`), so that it can install LanguageTool.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
reasons=()
note() { echo "install-test-tools: $*" >&2; }

why_no_apt() {  # why Debian packages cannot be installed here, or nothing
  if ! command -v apt-get >/dev/null 2>&1; then echo "no apt-get on this system"
  elif [ "$(id -u)" != 0 ]; then echo "apt-get needs root"
  fi
}

apt_install() {  # packages...
  local why
  why=$(why_no_apt)
  if [ -n "$why" ]; then
    reasons+=("$*: $why")
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -q && apt-get install -y -q --no-install-recommends "$@"; then
    return 0
  fi
  reasons+=("$*: apt-get failed (see above)")
  return 1
}

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
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
    if ! GOBIN="$PWD/.tools/bin" go install "github.com/reviewdog/reviewdog/cmd/reviewdog@${REVIEWDOG_VERSION}"; then
      missing+=(reviewdog); reasons+=("reviewdog: go install failed (see above; the Go module proxy must be reachable)")
    fi
  else
    missing+=(reviewdog); reasons+=("reviewdog: no go command on the PATH ($PATH)")
  fi
fi

# LanguageTool, the way a user installs it.
if command -v copydesk >/dev/null 2>&1; then
  if ! copydesk grammar install; then
    missing+=(languagetool); reasons+=("languagetool: copydesk grammar install failed (see above)")
  fi
else
  missing+=(languagetool); reasons+=("languagetool: copydesk is not installed yet (pip install \".[test,grammar]\" first)")
fi

if [ ${#missing[@]} -gt 0 ]; then
  note "could not install: ${missing[*]}"
  for r in "${reasons[@]}"; do note "  $r"; done
  note "the integration tests that need them will be skipped with the reason, and fail under CI=true"
fi
exit 0
