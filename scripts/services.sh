#!/usr/bin/env bash
# Installs (if missing) and starts the backing services the integration tests
# need, on 127.0.0.1 only, without Docker and without systemd:
#   PostgreSQL 15 + pg_cron on :5432, Redis on :6379, InfluxDB 1.x on :8086,
# and Chromium (/usr/bin/chromium) for the dashboard's browser tests.
#
# Usage (as root, Debian 12):
#   eval "$(scripts/services.sh)"
#
# Only the four `export ...` lines are written to stdout; every progress or
# error message goes to stderr, so the eval above is safe. The script is
# idempotent: a second run installs nothing, restarts nothing that is already
# answering, and prints the same four lines.
set -euo pipefail
# Let failures inside $(...) abort too (pg_write_config runs in one).
shopt -s inherit_errexit

# Keep the real stdout on fd 3 for the final exports and send everything else
# (apt-get, psql, our own messages) to stderr.
exec 3>&1 1>&2

readonly PG_VERSION=15
readonly PG_CLUSTER=main
readonly PG_CONF_DIR="/etc/postgresql/${PG_VERSION}/${PG_CLUSTER}"
readonly PG_DATA_DIR="/var/lib/postgresql/${PG_VERSION}/${PG_CLUSTER}"
readonly PG_CONF_FILE="${PG_CONF_DIR}/conf.d/orchestrator.conf"
readonly DB_NAME=orchestrator
readonly DB_USER=orchestrator
readonly DB_PASSWORD=orchestrator
readonly REDIS_DIR=/var/lib/orchestrator-redis
readonly INFLUX_DIR=/var/lib/orchestrator-influx
readonly WAIT_SECONDS=60

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

# wait_for DESCRIPTION PID COMMAND...: retry COMMAND once a second until it
# succeeds or WAIT_SECONDS have passed. If PID is not empty, give up early
# once that process has died (e.g. it could not bind its port).
wait_for() {
    local what=$1 pid=$2; shift 2
    local i
    log "waiting for ${what}"
    for ((i = 0; i < WAIT_SECONDS; i++)); do
        if "$@" >/dev/null 2>&1; then
            return 0
        fi
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
            log "${what} process ${pid} exited"
            return 1
        fi
        sleep 1
    done
    return 1
}

# fail_with_log MESSAGE LOGFILE: show the end of a daemon's log, then die.
fail_with_log() {
    if [[ -f "$2" ]]; then
        log "last lines of $2:"
        tail -n 15 "$2" >&2 || true
    fi
    die "$1; see $2"
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_packages PKG...: installs only the packages that are missing. An
# `apt-get update` is run only when it is needed: when there are no package
# lists at all (fresh container images ship without them) or when the first
# install attempt fails (stale lists).
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi

    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive

    # Package postinst scripts must not start the daemons with their stock
    # configs (InfluxDB would listen on all interfaces); we start them
    # ourselves below. Docker-style images already have this policy file.
    local own_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        own_policy=1
    fi

    local ok=0
    if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
        log "no apt package lists yet: running apt-get update"
        apt-get update -q || true
    fi
    if apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        ok=1
    else
        log "apt-get install failed: running apt-get update and retrying"
        apt-get update -q || true
        apt-get install -y -q --no-install-recommends "${missing[@]}" && ok=1
    fi

    if ((own_policy)); then
        rm -f /usr/sbin/policy-rc.d
    fi
    ((ok)) || die "could not install: ${missing[*]}"
}

# ---------------------------------------------------------------------------
# PostgreSQL 15 + pg_cron
# ---------------------------------------------------------------------------

# Run SQL as the postgres superuser over the local Unix socket (peer auth).
# cd / first: postgres may not be allowed into the caller's cwd. Warnings
# only, so "already exists, skipping" notices do not clutter the output.
pg_su() {
    (cd / && PGOPTIONS='-c client_min_messages=warning' \
        runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p 5432 "$@")
}

pg_is_running() {
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1
}

# Creates cluster 15/main if postgresql-common does not know it (the
# postgresql package normally creates it on install). A data directory left
# without its /etc config (e.g. after a purge) cannot be adopted by
# pg_createcluster, so it is moved aside, never deleted.
pg_ensure_cluster() {
    [[ -f "${PG_CONF_DIR}/postgresql.conf" ]] && return 0
    if [[ -e "$PG_DATA_DIR" ]]; then
        local aside
        aside="${PG_DATA_DIR}.orphaned-$(date +%Y%m%d%H%M%S)"
        log "data dir ${PG_DATA_DIR} has no config in ${PG_CONF_DIR}: moving it to ${aside}"
        mv "$PG_DATA_DIR" "$aside"
    fi
    log "creating cluster ${PG_VERSION}/${PG_CLUSTER}"
    # C.UTF-8 so the databases are UTF8, not SQL_ASCII, whatever $LANG is.
    pg_createcluster --locale C.UTF-8 --port 5432 "$PG_VERSION" "$PG_CLUSTER" >&2
}

# Writes our settings to conf.d; prints "changed" when the file was altered.
pg_write_config() {
    # Debian's postgresql.conf ends with include_dir = 'conf.d'; re-add it if
    # someone removed or commented it out, or our file would be ignored.
    if ! grep -Eq "^[[:space:]]*include_dir[[:space:]]*=?[[:space:]]*'conf\.d'" "${PG_CONF_DIR}/postgresql.conf"; then
        log "enabling include_dir 'conf.d' in postgresql.conf"
        printf "\ninclude_dir = 'conf.d'\n" >>"${PG_CONF_DIR}/postgresql.conf"
        echo changed
    fi
    install -d -o postgres -g postgres "${PG_CONF_DIR}/conf.d"

    local desired
    desired=$(cat <<EOF
# Written by scripts/services.sh (Day Trading Orchestrator). Do not edit.
listen_addresses = '127.0.0.1'
port = 5432
# Test runs start many servers at once, each with its own connection pool.
max_connections = 300
# pg_cron must be preloaded; its background worker runs jobs in this database.
shared_preload_libraries = 'pg_cron'
cron.database_name = '${DB_NAME}'
EOF
)
    if [[ ! -f "$PG_CONF_FILE" ]] || [[ "$(cat "$PG_CONF_FILE")" != "$desired" ]]; then
        printf '%s\n' "$desired" >"$PG_CONF_FILE"
        chown postgres:postgres "$PG_CONF_FILE"
        log "wrote ${PG_CONF_FILE}"
        echo changed
    fi
}

# Password logins from 127.0.0.1 need a scram/md5 host line in pg_hba.conf.
# Debian's default has one; add our own only if it was removed. Prints
# "changed" when pg_hba.conf was altered (a reload is then needed).
pg_ensure_hba() {
    local hba="${PG_CONF_DIR}/pg_hba.conf"
    if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+(scram-sha-256|md5)' "$hba"; then
        log "adding a scram-sha-256 line for 127.0.0.1 to ${hba}"
        sed -i "1i host ${DB_NAME} ${DB_USER} 127.0.0.1/32 scram-sha-256" "$hba"
        echo changed
    fi
}

start_postgres() {
    local pg_log="/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log"
    ensure_packages postgresql "postgresql-${PG_VERSION}" "postgresql-${PG_VERSION}-cron"
    pg_ensure_cluster

    local conf_changed hba_changed
    conf_changed=$(pg_write_config)
    hba_changed=$(pg_ensure_hba)

    if pg_is_running; then
        # shared_preload_libraries/listen_addresses only apply on restart.
        # Also restart if a previous run wrote the config but died before
        # restarting (the running server would then lack pg_cron).
        local preload
        preload=$(pg_su -Atc 'SHOW shared_preload_libraries' 2>/dev/null || true)
        if [[ -n "$conf_changed" || "$preload" != *pg_cron* ]]; then
            log "restarting PostgreSQL ${PG_VERSION}/${PG_CLUSTER} to apply config"
            pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart \
                || fail_with_log "pg_ctlcluster restart failed" "$pg_log"
        elif [[ -n "$hba_changed" ]]; then
            pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" reload
        else
            log "PostgreSQL already running"
        fi
    else
        log "starting PostgreSQL ${PG_VERSION}/${PG_CLUSTER}"
        pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start \
            || fail_with_log "pg_ctlcluster start failed" "$pg_log"
    fi

    wait_for "PostgreSQL" "" pg_isready -q -h 127.0.0.1 -p 5432 \
        || fail_with_log "PostgreSQL did not answer on 127.0.0.1:5432 within ${WAIT_SECONDS}s" "$pg_log"

    # Role: create once, then (re)set the password every run so a changed or
    # missing password never breaks the tests.
    pg_su -d postgres <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${DB_USER}') THEN
        CREATE ROLE ${DB_USER} LOGIN CREATEDB PASSWORD '${DB_PASSWORD}';
    ELSE
        ALTER ROLE ${DB_USER} LOGIN CREATEDB PASSWORD '${DB_PASSWORD}';
    END IF;
END
\$\$;
-- DROP DATABASE ... WITH (FORCE) of a test or benchmark database must be able to end an autovacuum worker
-- that is busy in it (the worker runs under no role the test role belongs to).
GRANT pg_signal_backend TO ${DB_USER};
SQL

    # CREATE DATABASE cannot run inside DO/transactions, hence the check here.
    if [[ "$(pg_su -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'")" != 1 ]]; then
        log "creating database ${DB_NAME}"
        pg_su -d postgres -c "CREATE DATABASE ${DB_NAME} OWNER ${DB_USER} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
    fi

    # pg_cron can only be created by a superuser, and only in
    # cron.database_name; the app user then needs USAGE to call cron.schedule.
    pg_su -d "$DB_NAME" <<SQL
CREATE EXTENSION IF NOT EXISTS pg_cron;
GRANT USAGE ON SCHEMA cron TO ${DB_USER};
SQL

    # The check the tests actually depend on: a password login over TCP.
    PGPASSWORD="$DB_PASSWORD" psql -X -q -h 127.0.0.1 -p 5432 -U "$DB_USER" -d "$DB_NAME" \
        -Atc 'SELECT 1' >/dev/null \
        || die "password login as ${DB_USER}@127.0.0.1:5432/${DB_NAME} failed"
    log "PostgreSQL ready on 127.0.0.1:5432 (pg_cron enabled in ${DB_NAME})"
}

# ---------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------

redis_ping() {
    [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == PONG ]]
}

start_redis() {
    ensure_packages redis-server redis-tools

    if redis_ping; then
        log "Redis already running"
        return 0
    fi

    # Own working dir so RDB snapshots and the log do not land in the cwd.
    install -d -m 750 "$REDIS_DIR"
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 \
        --dir "$REDIS_DIR" --logfile "${REDIS_DIR}/redis.log" \
        --pidfile "${REDIS_DIR}/redis.pid" \
        || fail_with_log "redis-server failed to start" "${REDIS_DIR}/redis.log"

    # With --daemonize the launcher exits at once and the real server's pid
    # is not known if it dies early (e.g. port taken), so no early give-up.
    wait_for "Redis" "" redis_ping \
        || fail_with_log "Redis did not answer PONG on 127.0.0.1:6379 within ${WAIT_SECONDS}s" "${REDIS_DIR}/redis.log"
    log "Redis ready on 127.0.0.1:6379"
}

# ---------------------------------------------------------------------------
# InfluxDB 1.x (Debian 12 ships 1.6: only /write, /query and /ping, no /api/v2)
# ---------------------------------------------------------------------------

influx_ping() {
    curl -sf -o /dev/null --max-time 2 http://127.0.0.1:8086/ping
}

start_influx() {
    ensure_packages influxdb curl

    # Our own config rather than /etc/influxdb/influxdb.conf, whose stock
    # binds (:8086, :8088) listen on every interface.
    install -d -m 750 "$INFLUX_DIR" "${INFLUX_DIR}/meta" "${INFLUX_DIR}/data" "${INFLUX_DIR}/wal"
    cat >"${INFLUX_DIR}/influxdb.conf" <<EOF
# Written by scripts/services.sh (Day Trading Orchestrator). Do not edit.
reporting-disabled = true
# RPC service used by backup/restore.
bind-address = "127.0.0.1:8088"

[meta]
  dir = "${INFLUX_DIR}/meta"

[data]
  dir = "${INFLUX_DIR}/data"
  wal-dir = "${INFLUX_DIR}/wal"

[monitor]
  # No _internal database: the tests only need their own.
  store-enabled = false

[http]
  enabled = true
  bind-address = "127.0.0.1:8086"
  auth-enabled = false
  log-enabled = false
EOF

    if influx_ping; then
        log "InfluxDB already running"
    else
        log "starting InfluxDB"
        # setsid+nohup: detach from this shell so it outlives the script.
        setsid nohup influxd -config "${INFLUX_DIR}/influxdb.conf" \
            >>"${INFLUX_DIR}/influxd.log" 2>&1 </dev/null &
        local pid=$!
        echo "$pid" >"${INFLUX_DIR}/influxd.pid"

        wait_for "InfluxDB" "$pid" influx_ping \
            || fail_with_log "InfluxDB did not answer /ping on 127.0.0.1:8086" "${INFLUX_DIR}/influxd.log"
    fi

    # CREATE DATABASE is a no-op when the database exists. The HTTP status is
    # 200 even for query errors, so also look for an "error" in the body.
    local reply
    reply=$(curl -sf --max-time 10 -XPOST http://127.0.0.1:8086/query \
        --data-urlencode "q=CREATE DATABASE ${DB_NAME}") \
        || die "InfluxDB CREATE DATABASE ${DB_NAME} request failed"
    [[ "$reply" != *'"error"'* ]] || die "InfluxDB CREATE DATABASE ${DB_NAME} failed: ${reply}"
    log "InfluxDB ready on 127.0.0.1:8086 (database ${DB_NAME})"
}

# ---------------------------------------------------------------------------
# Chromium: the dashboard's browser tests drive /usr/bin/chromium through
# Playwright (which never downloads a browser here). Nothing to start.
# ---------------------------------------------------------------------------

ensure_chromium() {
    ensure_packages chromium
    [[ -x /usr/bin/chromium ]] || die "the chromium package is installed but /usr/bin/chromium is missing"
    log "Chromium ready at /usr/bin/chromium"
}

# ---------------------------------------------------------------------------

main() {
    [[ $EUID -eq 0 ]] || die "must run as root (installs packages and starts daemons)"
    # 3>&-: the daemons started below must not inherit the real stdout, or
    # a caller's $(scripts/services.sh) would wait for them forever.
    start_postgres 3>&-
    start_redis 3>&-
    start_influx 3>&-
    ensure_chromium 3>&-

    cat >&3 <<EOF
export ORCHESTRATOR_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=${DB_USER};Password=${DB_PASSWORD};Database=${DB_NAME}'
export ORCHESTRATOR_TEST_REDIS='127.0.0.1:6379'
export ORCHESTRATOR_TEST_INFLUX_URL='http://127.0.0.1:8086'
export ORCHESTRATOR_TEST_INFLUX_DB='${DB_NAME}'
EOF
}

main "$@"
