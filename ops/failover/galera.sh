#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on ONE machine, for the failover test (not for production: a real
# cluster runs one node per machine). Each node has its own data directory, client port and Galera
# ports, all on 127.0.0.1. Needs root (mariadbd runs as --user=root), galera-4 and rsync (SST).
#
#   galera.sh start        initialise and start the 3 nodes (node 1 bootstraps), wait until Synced
#   galera.sh status       wsrep state of each node
#   galera.sh kill N       kill -9 node N (what the failover test does to the active node)
#   galera.sh stop         stop every node and delete the data directories
#
# Ports: client 23311..23313, Galera replication 24571/24581/24591 (+1 IST, +2 SST).
# Everything lives under $FAILOVER_DIR (default /tmp/casework-failover/galera).
set -euo pipefail

DIR=${FAILOVER_DIR:-/tmp/casework-failover}/galera
NODES=(1 2 3)
MARIADBD=/usr/sbin/mariadbd
PROVIDER=/usr/lib/galera/libgalera_smm.so

client_port() { echo $((23310 + $1)); }
gcomm_port() { echo $((24561 + 10 * $1)); }

cluster_address() {
  local list=()
  for n in "${NODES[@]}"; do list+=("127.0.0.1:$(gcomm_port "$n")"); done
  (IFS=,; echo "gcomm://${list[*]}")
}

sql() { # sql NODE STATEMENT
  mariadb --no-defaults -h 127.0.0.1 -P "$(client_port "$1")" -u root --connect-timeout=2 -N -B -e "$2"
}

write_config() {
  local n=$1 g
  g=$(gcomm_port "$n")
  mkdir -p "$DIR/node$n"
  cat >"$DIR/node$n.cnf" <<EOF
[mariadbd]
user=root
datadir=$DIR/node$n/data
socket=$DIR/node$n/mysqld.sock
pid-file=$DIR/node$n/mysqld.pid
log-error=$DIR/node$n/error.log
port=$(client_port "$n")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
default-storage-engine=InnoDB
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
# The log is written at each commit and flushed to disk once a second, as is usual on Galera: a
# commit is durable because every node holds it (replication is synchronous), and a kill -9 of
# mariadbd loses nothing written to the operating system. Spares an fsync per commit on each of three
# nodes sharing one disk (the demo county's seeding took over a minute on this cluster with them).
innodb_flush_log_at_trx_commit=2
max_connections=200
# Galera: row-based replication, interleaved auto-increment locks
binlog_format=ROW
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=casework_failover
wsrep_cluster_address=$(cluster_address)
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$g
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((g + 2))
wsrep_slave_threads=2
# Short failure detection on loopback: a killed node leaves the view within a few seconds.
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$g;ist.recv_addr=127.0.0.1:$((g + 1));gcache.size=64M;evs.keepalive_period=PT0.5S;evs.inactive_check_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.install_timeout=PT4S"
EOF
}

start_node() { # start_node N [--wsrep-new-cluster]
  local n=$1
  shift
  nohup "$MARIADBD" --defaults-file="$DIR/node$n.cnf" "$@" >>"$DIR/node$n/stdout.log" 2>&1 &
  echo $! >"$DIR/node$n/mariadbd.pid"
}

wait_synced() {
  local n=$1 state=""
  for _ in $(seq 1 120); do
    state=$(sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2 || true)
    if [ "$state" = "Synced" ]; then
      echo "node $n synced"
      return 0
    fi
    if ! kill -0 "$(cat "$DIR/node$n/mariadbd.pid")" 2>/dev/null; then
      echo "node $n died; its log:" >&2
      tail -40 "$DIR/node$n/error.log" >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "node $n not synced after 120 s (state: ${state:-none}); its log:" >&2
  tail -40 "$DIR/node$n/error.log" >&2 || true
  return 1
}

start() {
  if [ -e "$DIR" ]; then
    echo "$DIR exists: run '$0 stop' first" >&2
    exit 1
  fi
  for n in "${NODES[@]}"; do write_config "$n"; done
  mariadb-install-db --defaults-file="$DIR/node1.cnf" --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/node1/install.log" 2>&1
  start_node 1 --wsrep-new-cluster
  wait_synced 1
  # Replicated to the other nodes by their SST: the application's account and the health check's.
  sql 1 "CREATE USER IF NOT EXISTS 'casework'@'127.0.0.1' IDENTIFIED BY 'casework';
         GRANT ALL PRIVILEGES ON *.* TO 'casework'@'127.0.0.1';
         CREATE USER IF NOT EXISTS 'clustercheck'@'127.0.0.1';
         CREATE DATABASE IF NOT EXISTS casework CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  for n in 2 3; do
    mkdir -p "$DIR/node$n/data"
    # The SST's rsync daemon, started as root, writes as "nobody" (rsync's default for root)
    chown nobody:nogroup "$DIR/node$n/data"
    start_node "$n"
    wait_synced "$n"
  done
  echo "cluster size: $(sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2)"
}

status() {
  for n in "${NODES[@]}"; do
    printf 'node %s (port %s): ' "$n" "$(client_port "$n")"
    sql "$n" "SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment','wsrep_cluster_size','wsrep_cluster_status')" 2>/dev/null |
      tr '\n\t' ' =' || printf 'down'
    echo
  done
}

kill_node() {
  local pid
  pid=$(cat "$DIR/node$1/mariadbd.pid")
  kill -9 "$pid"
  echo "node $1 (pid $pid) killed with SIGKILL at $(date -u +%H:%M:%S.%N | cut -c1-12)"
}

stop() {
  for n in "${NODES[@]}"; do
    local file="$DIR/node$n/mariadbd.pid"
    if [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then
      kill "$(cat "$file")" 2>/dev/null || true
    fi
  done
  for n in "${NODES[@]}"; do
    local file="$DIR/node$n/mariadbd.pid"
    if [ -f "$file" ]; then
      for _ in $(seq 1 30); do
        kill -0 "$(cat "$file")" 2>/dev/null || break
        sleep 1
      done
      kill -9 "$(cat "$file")" 2>/dev/null || true
    fi
  done
  # the rsync daemon of an SST that was interrupted, by its own pid file
  for file in "$DIR"/node*/data/rsync_sst.pid; do
    [ -f "$file" ] && kill -9 "$(cat "$file")" 2>/dev/null || true
  done
  rm -rf "$DIR"
  echo "galera cluster stopped, $DIR removed"
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  kill) kill_node "${2:?node number}" ;;
  stop) stop ;;
  *) echo "usage: $0 start|status|kill N|stop" >&2; exit 2 ;;
esac
