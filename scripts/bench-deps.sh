#!/usr/bin/env bash
# Installs what `make bench` uses beyond the Python packages: wrk, Debian's HTTP load generator,
# for the API latency figures. Idempotent; prints the path of wrk, exits non-zero when it cannot.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
    command -v wrk
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "bench-deps: wrk is missing and installing it needs root (apt-get install wrk)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -q wrk >/dev/null 2>&1; then
    timeout 300 apt-get update -q >/dev/null 2>&1 || true
    timeout 300 apt-get install -y -q wrk >/dev/null 2>&1 || {
        echo "bench-deps: could not install wrk with apt-get" >&2
        exit 1
    }
fi
command -v wrk
