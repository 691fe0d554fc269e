#!/usr/bin/env bash
# Starts the local services the integration tests talk to, each only if it is not already answering:
# PostgreSQL, Redis, RabbitMQ, Mosquitto (MQTT), NATS (JetStream) and MariaDB.
#
#   .ci/services.sh                          # developers: run it directly
#   SERVICES_TIMEOUT=60 .ci/services.sh      # wait longer for each service (default 30 s)
#
# It never fails: a missing or dead service is a warning, and the tests that need it decide what to do.
# Safe to source as well; it defines functions prefixed with `services_` and runs `services_up`.

SERVICES_TIMEOUT="${SERVICES_TIMEOUT:-30}"

services_warn() { echo "services: warning: $*" >&2; }
services_say() { echo "services: $*" >&2; }
services_have() { command -v "$1" >/dev/null 2>&1; }

# True when something accepts TCP connections on 127.0.0.1:<port> (bash's /dev/tcp, no extra tools).
services_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1
}

services_postgres_ready() {
  if services_have pg_isready; then pg_isready -q -h 127.0.0.1 >/dev/null 2>&1; else services_port_open 5432; fi
}
services_redis_ready() {
  if services_have redis-cli; then [ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" = PONG ]; else services_port_open 6379; fi
}
services_rabbitmq_ready() { services_port_open 5672; }
services_mosquitto_ready() { services_port_open 1883; }
services_nats_ready() { services_port_open 4222; }
services_mariadb_ready() { services_port_open 3306; }

services_start_postgres() {
  services_have pg_ctlcluster && [ -d /etc/postgresql ] || return 127
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  [ -n "$version" ] || return 127
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
}
services_start_redis() {
  services_have redis-server || return 127
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
}
services_start_rabbitmq() {
  services_have rabbitmq-server || return 127
  rabbitmq-server -detached
}
services_start_mosquitto() {
  services_have mosquitto && [ -f /etc/mosquitto/mosquitto.conf ] || return 127
  mosquitto -d -c /etc/mosquitto/mosquitto.conf
}
services_start_nats() {
  services_have start-stop-daemon && [ -x /usr/sbin/nats-server ] || return 127
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
}
services_start_mariadb() {
  services_have start-stop-daemon && [ -x /usr/sbin/mariadbd ] || return 127
  # mariadbd needs its socket directory, which lives on a tmpfs that a fresh container does not have.
  if [ ! -d /run/mysqld ] && id mysql >/dev/null 2>&1; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  fi
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
}

# services_wait <name>: polls services_<name>_ready once a second for up to SERVICES_TIMEOUT seconds.
services_wait() {
  local name="$1" waited=0
  until "services_${name}_ready"; do
    if [ "$waited" -ge "$SERVICES_TIMEOUT" ]; then
      services_warn "$name is not answering after ${SERVICES_TIMEOUT}s; tests that need it will fail or skip"
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  services_say "$name is up (after ${waited}s)"
}

services_up() {
  local name status log
  local starting=()
  for name in postgres redis rabbitmq mosquitto nats mariadb; do
    if "services_${name}_ready"; then
      services_say "$name is already up"
      continue
    fi
    log="${TMPDIR:-/tmp}/operon-services-$name.log"
    services_say "starting $name (output in $log)"
    status=0
    "services_start_${name}" >"$log" 2>&1 || status=$?
    if [ "$status" -eq 127 ]; then
      services_warn "$name is not installed here (its start command is missing); skipped"
    else
      [ "$status" -eq 0 ] || services_warn "starting $name exited with status $status (see $log); waiting for it anyway"
      starting+=("$name")
    fi
  done
  # Started together above, waited for one by one here: the slow ones (RabbitMQ) overlap with the others.
  for name in ${starting[@]+"${starting[@]}"}; do
    services_wait "$name" || true
  done
  return 0
}

services_up
