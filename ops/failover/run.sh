#!/usr/bin/env bash
# The failover test (issue 14), on one machine, as root:
#   3-node MariaDB Galera cluster (galera.sh) -> HAProxy (one active node, two backups)
#   -> two instances of the packaged jar -> HAProxy (round robin) -> GaleraFailoverTest (-Pfailover):
#   mixed load (web reads, REST writes, phones syncing with the Java reference client), kill -9 of
#   one instance, then of the active database node; then every acknowledged write must be stored
#   exactly once, every phone converged, and no failure outside the failover windows.
# Builds the jar once, stops everything it started (processes, ports, /tmp/casework-failover) on exit.
#
#   ops/failover/run.sh                 the whole run (about 6 minutes on 2 cores)
#   ops/failover/run.sh --keep          leave the cluster, HAProxy and instances running afterwards
#   ops/failover/run.sh --stop          stop what a --keep run left
set -euo pipefail

OPS=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$OPS/../.." && pwd)
export FAILOVER_DIR=${FAILOVER_DIR:-/tmp/casework-failover}
export FAILOVER_OPS=$OPS
DB_URL="jdbc:mariadb://127.0.0.1:23306/casework?connectTimeout=3000&socketTimeout=60000"
APP_PORTS=(28081 28082)
BEGAN=$(date +%s)

step() { printf '\n==== [failover +%ss] %s ====\n' "$(($(date +%s) - BEGAN))" "$*"; }

stop_pid() { # stop_pid FILE: TERM, then KILL after 20 s
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

GALERA_START=
stop_all() {
  # a cluster start still running in the background (the build failed): stop it first
  if [ -n "$GALERA_START" ]; then
    kill "$GALERA_START" 2>/dev/null || true
    wait "$GALERA_START" 2>/dev/null || true
  fi
  for n in 1 2; do stop_pid "$FAILOVER_DIR/app$n.pid"; done
  # keep the instances' logs for reading after the run
  mkdir -p "$ROOT/case-web/target/failover"
  for n in 1 2; do
    [ -f "$FAILOVER_DIR/app$n/server.log" ] && cp "$FAILOVER_DIR/app$n/server.log" "$ROOT/case-web/target/failover/app$n.log"
  done
  stop_pid "$FAILOVER_DIR/haproxy.pid"
  "$OPS/galera.sh" stop || true
  rm -rf "$FAILOVER_DIR"
}

if [ "${1:-}" = "--stop" ]; then
  stop_all
  exit 0
fi
if [ "${1:-}" != "--keep" ]; then
  trap stop_all EXIT
fi
if [ -e "$FAILOVER_DIR" ]; then
  echo "a previous run left $FAILOVER_DIR: stopping what it started"
  stop_all
fi
mkdir -p "$FAILOVER_DIR"

if ! command -v haproxy >/dev/null; then
  step "installing HAProxy"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq haproxy >/dev/null
fi

# The cluster needs no jar: it starts (mostly waiting on its state transfers) while Maven builds.
step "building the jar once; the Galera cluster starts meanwhile"
"$OPS/galera.sh" start >"$FAILOVER_DIR/galera-start.log" 2>&1 &
GALERA_START=$!
cd "$ROOT"
./mvnw -q -B -ntp package -pl case-web -am -DskipTests
# the instances run a copy: the test's own Maven run repackages target/*.jar
cp "$(ls case-web/target/case-web-*.jar | grep -v -- '-plain' | head -1)" "$FAILOVER_DIR/casework.jar"

step "waiting for the Galera cluster"
if ! wait "$GALERA_START"; then
  GALERA_START=
  cat "$FAILOVER_DIR/galera-start.log" >&2
  exit 1
fi
GALERA_START=
cat "$FAILOVER_DIR/galera-start.log"

step "starting HAProxy"
haproxy -D -f "$OPS/haproxy.cfg" -p "$FAILOVER_DIR/haproxy.pid"

start_app() { # start_app N
  local n=$1 dir="$FAILOVER_DIR/app$1"
  mkdir -p "$dir"
  (
    cd "$dir"
    PORT=${APP_PORTS[$((n - 1))]} CASEWORK_DB_URL=$DB_URL CASEWORK_DB_USER=casework CASEWORK_DB_PASSWORD=casework \
      nohup java -Xmx512m -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 -jar "$FAILOVER_DIR/casework.jar" \
      --spring.jpa.properties.jakarta.persistence.database-product-name=MariaDB \
      --spring.jpa.properties.jakarta.persistence.database-major-version=10 \
      --spring.jpa.properties.jakarta.persistence.database-minor-version=11 \
      --spring.datasource.hikari.maximum-pool-size=10 \
      --spring.datasource.hikari.connection-timeout=3000 \
      --spring.datasource.hikari.validation-timeout=1000 \
      >"$dir/server.log" 2>&1 &
    echo $! >"$FAILOVER_DIR/app$n.pid"
  )
}

wait_ready() { # wait_ready URL WHAT SECONDS
  for _ in $(seq 1 "$3"); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "200" ]; then
      echo "$2 ready"
      return 0
    fi
    sleep 1
  done
  echo "$2 not ready after $3 s" >&2
  for n in 1 2; do [ -f "$FAILOVER_DIR/app$n/server.log" ] && tail -30 "$FAILOVER_DIR/app$n/server.log" >&2; done
  return 1
}

# Flyway on a Galera node locks its history table with SELECT ... FOR UPDATE, which Galera only
# checks at commit: the first instance migrates (and seeds the demo county) alone; the second
# starts once the first is ready, so it finds the schema current.
step "starting instance 1 (migrates the schema)"
start_app 1
wait_ready "http://127.0.0.1:${APP_PORTS[0]}/actuator/health/readiness" "instance 1" 400
step "starting instance 2"
start_app 2
wait_ready "http://127.0.0.1:${APP_PORTS[1]}/actuator/health/readiness" "instance 2" 300
wait_ready "http://127.0.0.1:28080/actuator/health/readiness" "HAProxy" 30
sleep 3 # both instances marked up by HAProxy's checks (rise 2, inter 1 s)

step "GaleraFailoverTest: load, kill -9 of instance 1, kill -9 of the active database node"
./mvnw -B -ntp verify -Pfailover -pl case-web -am \
  -Dcasework.failover.port=28080 \
  "-Dcasework.failover.kill-app=kill -9 \$(cat $FAILOVER_DIR/app1.pid) && echo instance 1 killed" \
  "-Dcasework.failover.kill-db=$OPS/galera.sh kill 1"
"$OPS/galera.sh" status || true

step "failover test passed in $(($(date +%s) - BEGAN)) s"
