#!/usr/bin/env bash
# The real browser for tests/test_browser.py: Debian's chromium, driven by Playwright.
#
#   bash scripts/browser-deps.sh     install chromium if /usr/bin/chromium is missing, print its path
#
# Never runs `playwright install` (that downloads a browser of its own); Playwright is pointed at
# /usr/bin/chromium instead. Quick and does nothing when chromium is already there. The path is the only
# thing written to stdout; progress and errors go to stderr. Every failure exits non-zero with a line
# starting "browser-deps: ERROR: ".
# Settings (environment): BROWSER_DEPS_APT_TIMEOUT (seconds for apt-get update + install, 600).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
APT_TIMEOUT="${BROWSER_DEPS_APT_TIMEOUT:-600}"

say() { echo "browser-deps: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# It runs (a missing library shows up here rather than as a Playwright launch error).
check_runs() {
    local version
    if ! version="$(timeout 60 "$CHROMIUM" --headless --no-sandbox --version 2>/dev/null)"; then
        die "$CHROMIUM is installed but does not run ('$CHROMIUM --version' failed)"
    fi
    say "$version"
}

if [ ! -x "$CHROMIUM" ]; then
    [ "$(id -u)" -eq 0 ] || die "$CHROMIUM is missing and installing it needs root: run 'sudo apt-get install -y chromium' first"
    command -v apt-get >/dev/null || die "$CHROMIUM is missing and there is no apt-get to install it with"
    say "installing Debian's chromium (apt-get, at most ${APT_TIMEOUT}s) ..."
    t0=$SECONDS
    log="$(mktemp)"
    # apt's and dpkg's chatter goes to a log, shown only when the install fails.
    if ! timeout "$APT_TIMEOUT" apt-get update -qq >"$log" 2>&1; then
        tail -n 20 "$log" | sed 's/^/    /' >&2
        rm -f "$log"
        die "apt-get update failed (no network to the Debian mirror, or it took over ${APT_TIMEOUT}s)"
    fi
    if ! DEBIAN_FRONTEND=noninteractive timeout "$APT_TIMEOUT" \
            apt-get install -y -qq -o DPkg::Lock::Timeout=120 chromium >"$log" 2>&1; then
        tail -n 20 "$log" | sed 's/^/    /' >&2
        rm -f "$log"
        die "apt-get install chromium failed (no network to the Debian mirror, or it took over ${APT_TIMEOUT}s)"
    fi
    rm -f "$log"
    [ -x "$CHROMIUM" ] || die "apt-get installed chromium but $CHROMIUM is not there"
    say "chromium installed in $((SECONDS - t0))s"
fi

check_runs
echo "$CHROMIUM"
