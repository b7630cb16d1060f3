#!/usr/bin/env bash
# The whole test suite: migration and lint checks, then pytest on SQLite and again on PostgreSQL.
#
#   scripts/test.sh [PYTEST ARG ...]
#
# The project runs on both databases, so the suite runs on both. PostgreSQL is DATABASE_URL when it
# names a PostgreSQL server, otherwise a throwaway cluster (scripts/pg-throwaway.sh); without the
# server binaries that run is skipped with a warning, except in CI (CI=true), where it is a failure.
# Every step runs even after one fails, so one run shows every problem; the exit status is non-zero
# if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

bin=.venv/bin
sqlite_url="sqlite:///$PWD/db.sqlite3"
summary=()
failures=0

# Runs one named step and records its outcome and duration.
step() {
    local name=$1 started=$SECONDS status=0
    shift
    printf '\n==> %s\n' "$name"
    "$@" || status=$?
    if ((status == 5)); then
        echo "pytest collected no tests; a missing suite counts as a failure" >&2
    fi
    local outcome=passed
    if ((status != 0)); then
        outcome="FAILED (exit $status)"
        failures=$((failures + 1))
    fi
    summary+=("$(printf '%-20s %5ss  %s' "$outcome" $((SECONDS - started)) "$name")")
}

skip() {
    printf '\n!!! SKIPPED: %s\n' "$1" >&2
    summary+=("$(printf '%-20s %5s   %s' SKIPPED - "$1")")
}

is_postgres_url() {
    [[ $1 =~ ^(postgres|postgresql|pgsql|psql):// ]]
}

have_postgres_server() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

without_password() {
    sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"
}

run_on_postgres() {
    if is_postgres_url "${DATABASE_URL:-}"; then
        step "pytest on PostgreSQL at $(without_password "$DATABASE_URL")" "$bin/pytest" "$@"
    elif have_postgres_server; then
        step "pytest on PostgreSQL (throwaway cluster)" scripts/pg-throwaway.sh "$bin/pytest" "$@"
    elif [[ ${CI:-} == true ]]; then
        step "pytest on PostgreSQL: no server installed and CI=true" false
    else
        skip "pytest on PostgreSQL: no server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    fi
}

step "migrations are up to date" env DATABASE_URL="$sqlite_url" "$bin/python" manage.py makemigrations --check --dry-run
step "ruff check" "$bin/ruff" check .
step "pytest on SQLite (in-memory test database)" env DATABASE_URL="$sqlite_url" "$bin/pytest" "$@"
run_on_postgres "$@"

printf '\n==> summary\n'
printf '%s\n' "${summary[@]}"
if ((failures > 0)); then
    echo "$failures step(s) failed" >&2
    exit 1
fi
