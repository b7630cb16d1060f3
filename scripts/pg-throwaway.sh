#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then deletes the cluster.
#
#   scripts/pg-throwaway.sh COMMAND [ARG ...]
#
# The cluster lives in a fresh temporary directory, listens on 127.0.0.1 on a free port with trust
# authentication and has an empty database "portal"; COMMAND runs with DATABASE_URL pointing at it
# and its exit status is this script's. PGDATA and PG_BIN, also set for COMMAND, name the cluster's
# data directory and the server's bin directory, so COMMAND can restart the server or run pg_dump.
# PostgreSQL refuses to run as root, so as root the server runs as the "postgres" OS user. Exits 3
# when no server binaries are installed.
set -euo pipefail

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARG ...]" >&2
    exit 2
fi

# Debian installs each major version's server under /usr/lib/postgresql/<version>/bin; take the newest.
bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x $candidate/initdb && -x $candidate/pg_ctl ]] && bindir=$candidate
done
if [[ -z $bindir ]]; then
    echo "pg-throwaway: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin" >&2
    exit 3
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/portal-pg.XXXXXX")
if ((EUID == 0)); then
    chown postgres: "$workdir"
fi

# Runs a server command from the cluster's directory, where the server's user can always read.
as_server_user() {
    if ((EUID == 0)); then
        (cd "$workdir" && runuser -u postgres -- "$@")
    else
        (cd "$workdir" && "$@")
    fi
}

stop_and_delete() {
    if [[ -f $workdir/data/postmaster.pid ]]; then
        as_server_user "$bindir/pg_ctl" -D "$workdir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$workdir"
}
trap stop_and_delete EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_server_user "$bindir/initdb" -D "$workdir/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" ||
    { cat "$workdir/initdb.log" >&2; exit 1; }
# Durability is worthless for a cluster that is deleted in a minute; turning it off speeds up the tests.
as_server_user "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null ||
    { cat "$workdir/server.log" >&2; exit 1; }
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres portal

echo "pg-throwaway: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
status=0
DATABASE_URL="postgres://postgres@127.0.0.1:$port/portal" PGDATA="$workdir/data" PG_BIN="$bindir" "$@" ||
    status=$?
exit "$status"
