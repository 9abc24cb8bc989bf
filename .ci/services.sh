# PostgreSQL and Redis for the tests, started here when nothing answers on their ports.
# Sourced by .ci/run; every function takes the port, so a throwaway server can be tried on
# another port with the same code:
#   . .ci/services.sh; start_postgres 55432 "$(mktemp -d)"; stop_postgres 55432
# No systemd: pg_ctl and `redis-server --daemonize yes`. Nothing already running is touched.

# Directories of the servers started here, by port (to stop them again).
declare -gA OGP_CI_STARTED_PG=() OGP_CI_STARTED_REDIS=()

reachable() { # PORT: something accepts TCP connections on 127.0.0.1:PORT
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

wait_reachable() { # PORT NAME [SECONDS]
    local i
    for ((i = 0; i < ${3:-30} * 5; i++)); do
        reachable "$1" && return 0
        sleep 0.2
    done
    echo "$2 did not answer on 127.0.0.1:$1" >&2
    return 1
}

pg_bindir() { # the newest installed PostgreSQL's programs (Debian keeps them off PATH)
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ]; then
        echo "$dir"
    elif command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
    fi
}

as_cluster_owner() { # a cluster of our own belongs to "postgres" when we are root (initdb refuses root)
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

as_postgres_user() { # Debian's own cluster lets the "postgres" user in through its socket
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres -- "$@"
    fi
}

start_postgres() { # PORT DIR: a cluster of its own in DIR/data, on 127.0.0.1:PORT only, trust auth
    local port=$1 dir=$2 bin
    bin=$(pg_bindir)
    [ -n "$bin" ] || { echo "PostgreSQL is not installed (no initdb)" >&2; return 1; }
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    # Trust is safe here: the server listens on the loopback address and a socket in DIR only,
    # and it lives as long as the CI run. It matches the tests' default URL (no password).
    as_cluster_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    as_cluster_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    OGP_CI_STARTED_PG[$port]=$dir
    wait_reachable "$port" PostgreSQL
}

stop_postgres() { # PORT: stop the cluster start_postgres started on PORT (nothing else)
    local dir=${OGP_CI_STARTED_PG[$1]:-}
    [ -n "$dir" ] || return 0
    as_cluster_owner "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    unset "OGP_CI_STARTED_PG[$1]"
}

start_redis() { # PORT DIR: a Redis of its own on 127.0.0.1:PORT, nothing saved to disk
    local port=$1 dir=$2
    mkdir -p "$dir"
    redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
        --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    OGP_CI_STARTED_REDIS[$port]=$dir
    wait_reachable "$port" Redis
}

stop_redis() { # PORT: shut down the Redis start_redis started on PORT (nothing else)
    [ -n "${OGP_CI_STARTED_REDIS[$1]:-}" ] || return 0
    redis-cli -h 127.0.0.1 -p "$1" shutdown nosave >/dev/null 2>&1 || true
    unset "OGP_CI_STARTED_REDIS[$1]"
}

stop_started_services() { # what this shell started, at exit
    local port
    for port in "${!OGP_CI_STARTED_PG[@]}"; do stop_postgres "$port" || true; done
    for port in "${!OGP_CI_STARTED_REDIS[@]}"; do stop_redis "$port" || true; done
}

ensure_postgres() { # PORT: make the tests' PostgreSQL URL work on 127.0.0.1:PORT
    local port=$1 secret
    if ! reachable "$port"; then
        start_postgres "$port" "$(mktemp -d "${TMPDIR:-/tmp}/ogp-ci-postgres.XXXXXX")"
        echo "PostgreSQL: started on 127.0.0.1:$port (trust, for this run)"
        return 0
    fi
    echo "PostgreSQL: already running on 127.0.0.1:$port"
    # A server this run just installed may have been started by the package (its postinst), and
    # Debian's cluster wants a password over TCP: give "postgres" one and hand it to the tests.
    # Only then: someone's own server is used as it is (OGP_TEST_POSTGRES_URL names its account).
    if [ -n "${OGP_CI_INSTALLED_POSTGRES:-}" ] && [ -z "${OGP_TEST_POSTGRES_URL:-}" ] &&
        ! psql -w "host=127.0.0.1 port=$port user=postgres dbname=postgres" -Atc "select 1" >/dev/null 2>&1; then
        secret=$(od -An -tx1 -N16 /dev/urandom | tr -d " \n")
        # Through stdin, so the password is in no process's arguments and in no log.
        echo "ALTER ROLE postgres PASSWORD '$secret'" | as_postgres_user psql -q -p "$port" -d postgres
        export OGP_TEST_POSTGRES_URL="postgresql+psycopg://postgres:$secret@127.0.0.1:$port/postgres"
        echo "PostgreSQL: the package's cluster, with a password for this run in OGP_TEST_POSTGRES_URL"
    fi
}

ensure_redis() { # PORT
    local port=$1
    if reachable "$port"; then
        echo "Redis: already running on 127.0.0.1:$port"
        return 0
    fi
    start_redis "$port" "$(mktemp -d "${TMPDIR:-/tmp}/ogp-ci-redis.XXXXXX")"
    echo "Redis: started on 127.0.0.1:$port (for this run)"
}
