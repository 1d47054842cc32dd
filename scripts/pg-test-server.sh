#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: loopback only, trust auth, data under /tmp.
#
#   scripts/pg-test-server.sh start   install Debian's postgresql if missing, start, print the URL
#   scripts/pg-test-server.sh stop    stop the server and remove its folder
#   scripts/pg-test-server.sh url     print the URL if the server is running (exit 1 if not)
#
# The URL is the only thing written to stdout, so `url=$(scripts/pg-test-server.sh start)` works;
# progress and errors go to stderr. Every failure exits non-zero with a line starting "pg-test-server: ".
# Settings (environment): PG_TEST_PORT (5433), PG_TEST_DIR (/tmp/accordwatch-pg).
set -euo pipefail

PORT="${PG_TEST_PORT:-5433}"
ROOT="${PG_TEST_DIR:-/tmp/accordwatch-pg}"
DATA="$ROOT/data"
LOG="$ROOT/server.log"
DB_USER=aw
DB_NAME=aw
URL="postgresql+psycopg://$DB_USER@127.0.0.1:$PORT/$DB_NAME"
APT_TIMEOUT="${PG_TEST_APT_TIMEOUT:-300}"   # seconds for apt-get update + install
START_TIMEOUT=60                            # seconds for the server to accept connections

say() { echo "pg-test-server: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# The newest version folder under /usr/lib/postgresql that has the server binaries.
find_bindir() {
    local v best=""
    [ -d /usr/lib/postgresql ] || return 1
    for v in $(ls /usr/lib/postgresql | sort -V); do
        [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ] && best="$v"
    done
    [ -n "$best" ] || return 1
    echo "/usr/lib/postgresql/$best/bin"
}

# initdb and pg_ctl refuse to run as root: as root, run them as the postgres user.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        local cmd
        printf -v cmd '%q ' "$@"
        (cd / && su -s /bin/sh postgres -c "$cmd")
    else
        "$@"
    fi
}

install_postgresql() {
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and installing it needs root: run 'sudo apt-get install -y postgresql' first"
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and there is no apt-get to install it with"
    say "installing Debian's postgresql (apt-get, at most ${APT_TIMEOUT}s) ..."
    local t0=$SECONDS
    # Debian's postinst may start a default cluster on 5432; it does not touch our port.
    if ! timeout "$APT_TIMEOUT" apt-get update -qq >&2 \
        || ! DEBIAN_FRONTEND=noninteractive timeout "$APT_TIMEOUT" apt-get install -y -qq postgresql >&2; then
        die "could not install postgresql with apt-get (no network to the Debian mirror, or it took over ${APT_TIMEOUT}s)"
    fi
    say "postgresql installed in $((SECONDS - t0))s"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

is_running() {
    [ -f "$DATA/PG_VERSION" ] || return 1
    local bindir
    bindir="$(find_bindir)" || return 1
    as_pg "$bindir/pg_ctl" status -D "$DATA" >/dev/null 2>&1 || return 1
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -t 5
}

show_log() {
    if [ -r "$LOG" ]; then
        say "last lines of $LOG:"
        tail -n 20 "$LOG" | sed 's/^/    /' >&2
    fi
}

cmd_start() {
    local t0=$SECONDS bindir
    if is_running; then
        say "already running on 127.0.0.1:$PORT (data in $DATA)"
        echo "$URL"
        return 0
    fi
    bindir="$(find_bindir)" || { install_postgresql; bindir="$(find_bindir)" || die "apt-get ran but no /usr/lib/postgresql/*/bin/initdb was found"; }
    if port_in_use; then
        die "port 127.0.0.1:$PORT is already in use by another process (not the test server in $DATA); stop it or set PG_TEST_PORT"
    fi

    # A folder left by an earlier run that is not serving is stale: start from scratch.
    rm -rf "$ROOT"
    mkdir -p "$ROOT" || die "cannot create $ROOT"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || die "there is no 'postgres' user to run the server as (initdb refuses to run as root)"
        chown postgres:postgres "$ROOT"
    fi
    chmod 700 "$ROOT"

    say "initdb ($bindir) into $DATA ..."
    as_pg "$bindir/initdb" -D "$DATA" -U "$DB_USER" --auth=trust -E UTF8 --locale=C >"$ROOT/initdb.log" 2>&1 \
        || { sed 's/^/    /' "$ROOT/initdb.log" >&2; die "initdb failed (output above)"; }

    # Loopback only; the Unix socket stays in our folder. fsync is off: the data is thrown away.
    local opts="-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    opts+=" -c full_page_writes=off -c max_connections=50"
    say "starting on 127.0.0.1:$PORT ..."
    if ! as_pg "$bindir/pg_ctl" -D "$DATA" -o "$opts" -l "$LOG" -w -t "$START_TIMEOUT" start >/dev/null 2>"$ROOT/pg_ctl.err"; then
        sed 's/^/    /' "$ROOT/pg_ctl.err" >&2
        show_log
        die "the server did not start within ${START_TIMEOUT}s (log above)"
    fi

    local i
    for ((i = 0; i < START_TIMEOUT; i++)); do
        "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d postgres -t 2 && break
        sleep 1
    done
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d postgres -t 2 \
        || { show_log; die "the server does not accept connections on 127.0.0.1:$PORT"; }

    "$bindir/createdb" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" "$DB_NAME" 2>"$ROOT/createdb.err" \
        || { sed 's/^/    /' "$ROOT/createdb.err" >&2; die "createdb $DB_NAME failed"; }
    "$bindir/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -tAc "SELECT 1" >/dev/null \
        || die "cannot run a query in database $DB_NAME"

    say "ready in $((SECONDS - t0))s: $URL"
    echo "$URL"
}

cmd_stop() {
    local bindir
    if [ -f "$DATA/postmaster.pid" ] && bindir="$(find_bindir)"; then
        say "stopping the server in $DATA ..."
        as_pg "$bindir/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1 \
            || as_pg "$bindir/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 \
            || say "pg_ctl stop failed (was it running?)"
    fi
    if [ -e "$ROOT" ]; then
        rm -rf "$ROOT" || die "cannot remove $ROOT"
        say "removed $ROOT"
    else
        say "nothing to stop ($ROOT does not exist)"
    fi
}

cmd_url() {
    is_running || die "no test server is running on 127.0.0.1:$PORT (start one with scripts/pg-test-server.sh start)"
    echo "$URL"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) cmd_url ;;
    *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
