#!/usr/bin/env bash
# Installs, starts and stops the real services Kelvin's integration tests run against, on
# loopback only: Mosquitto (password file, anonymous off), InfluxDB 1.x (auth on), and the
# Debian Chromium + ChromeDriver the browser tests drive.
#
#   scripts/services.sh install   install missing Debian packages (needs root; else says what is missing)
#   scripts/services.sh start     start the services (idempotent) and write their settings
#   scripts/services.sh env       print the settings as shell exports (eval "$(scripts/services.sh env)")
#   scripts/services.sh status    say what runs
#   scripts/services.sh running   exit 0 when both servers already run (so a caller leaves them be)
#   scripts/services.sh stop      stop what start started
#
# Settings (environment): KELVIN_SERVICES_DIR (default /tmp/kelvin-services),
# KELVIN_IT_MQTT_PORT (18830), KELVIN_IT_INFLUX_PORT (18086).
set -euo pipefail

DIR=${KELVIN_SERVICES_DIR:-/tmp/kelvin-services}
MQTT_PORT=${KELVIN_IT_MQTT_PORT:-18830}
INFLUX_PORT=${KELVIN_IT_INFLUX_PORT:-18086}
INFLUX_RPC_PORT=$((INFLUX_PORT + 2))
PACKAGES=(mosquitto mosquitto-clients influxdb chromium chromium-driver)
BINARIES=(mosquitto mosquitto_passwd influxd chromium chromedriver)

log() { echo "services: $*" >&2; }

missing_binaries() {
  local missing=()
  for bin in "${BINARIES[@]}"; do
    command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || missing+=("$bin")
  done
  echo "${missing[@]:-}"
}

install() {
  local missing; missing=$(missing_binaries)
  if [ -z "$missing" ]; then log "all packages present"; return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "missing: $missing. Install as root: apt-get install --no-install-recommends ${PACKAGES[*]}"
    return 1
  fi
  log "installing ${PACKAGES[*]} (missing: $missing)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >"$DIR/apt.log" 2>&1 \
    || { log "apt-get failed; see $DIR/apt.log"; tail -20 "$DIR/apt.log" >&2; return 1; }
}

alive() { local pid; pid=$(cat "$1" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }

wait_port() { # name port seconds
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then log "$1 did not open port $2 within $3 s"; return 1; fi
    sleep 0.2
  done
}

secret() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20; }

start_mosquitto() {
  local d="$DIR/mosquitto"; mkdir -p "$d"
  if alive "$d/pid"; then log "mosquitto already runs on $MQTT_PORT"; return 0; fi
  [ -f "$d/password" ] || secret >"$d/password"
  : >"$d/passwd"
  "$(command -v mosquitto_passwd)" -b "$d/passwd" kelvin-it "$(cat "$d/password")"
  chmod 600 "$d/passwd"
  cat >"$d/mosquitto.conf" <<CONF
# Kelvin integration tests: loopback only, no anonymous clients.
per_listener_settings false
listener $MQTT_PORT 127.0.0.1
allow_anonymous false
password_file $d/passwd
persistence false
max_inflight_messages 1000
max_queued_messages 100000
log_dest file $d/mosquitto.log
pid_file $d/pid
user $(id -un)
CONF
  local bin; bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)
  "$bin" -c "$d/mosquitto.conf" -d
  wait_port mosquitto "$MQTT_PORT" 10
  log "mosquitto on 127.0.0.1:$MQTT_PORT (anonymous off)"
}

start_influx() {
  local d="$DIR/influxdb"; mkdir -p "$d/meta" "$d/data" "$d/wal"
  if alive "$d/pid"; then log "influxd already runs on $INFLUX_PORT"; return 0; fi
  [ -f "$d/password" ] || secret >"$d/password"
  cat >"$d/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$INFLUX_RPC_PORT"
[meta]
  dir = "$d/meta"
[data]
  dir = "$d/data"
  wal-dir = "$d/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$INFLUX_PORT"
  auth-enabled = true
  log-enabled = false
[monitor]
  store-enabled = false
CONF
  influxd -config "$d/influxdb.conf" >"$d/influxd.log" 2>&1 &
  echo $! >"$d/pid"
  wait_port influxd "$INFLUX_PORT" 30
  # The first admin may be created without credentials; later starts find it in place.
  curl -sf -XPOST "http://127.0.0.1:$INFLUX_PORT/query" \
    --data-urlencode "q=CREATE USER \"kelvin-it\" WITH PASSWORD '$(cat "$d/password")' WITH ALL PRIVILEGES" \
    >/dev/null || true
  log "influxd on 127.0.0.1:$INFLUX_PORT (auth on)"
}

start() {
  mkdir -p "$DIR"
  local missing; missing=$(missing_binaries)
  if [ -n "$missing" ]; then log "cannot start, missing: $missing (run: $0 install)"; return 1; fi
  start_mosquitto
  start_influx
}

stop_one() { # name pidfile (read once: mosquitto deletes its own pid file as it exits)
  local pid
  if pid=$(cat "$2" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    log "stopped $1"
  fi
  rm -f "$2"
}

stop() {
  stop_one mosquitto "$DIR/mosquitto/pid"
  stop_one influxd "$DIR/influxdb/pid"
}

env_exports() {
  echo "export KELVIN_IT_MQTT_URL=tcp://127.0.0.1:$MQTT_PORT"
  echo "export KELVIN_IT_MQTT_USERNAME=kelvin-it"
  echo "export KELVIN_IT_MQTT_PASSWORD=$(cat "$DIR/mosquitto/password" 2>/dev/null)"
  echo "export KELVIN_IT_INFLUX_URL=http://127.0.0.1:$INFLUX_PORT"
  echo "export KELVIN_IT_INFLUX_USERNAME=kelvin-it"
  echo "export KELVIN_IT_INFLUX_PASSWORD=$(cat "$DIR/influxdb/password" 2>/dev/null)"
  echo "export KELVIN_IT_CHROMIUM=$(command -v chromium || true)"
  echo "export KELVIN_IT_CHROMEDRIVER=$(command -v chromedriver || true)"
}

status() {
  alive "$DIR/mosquitto/pid" && log "mosquitto runs on $MQTT_PORT" || log "mosquitto is stopped"
  alive "$DIR/influxdb/pid" && log "influxd runs on $INFLUX_PORT" || log "influxd is stopped"
}

case "${1:-}" in
  install) mkdir -p "$DIR"; install ;;
  start) start ;;
  stop) stop ;;
  env) env_exports ;;
  status) status ;;
  running) alive "$DIR/mosquitto/pid" && alive "$DIR/influxdb/pid" ;;
  *) echo "usage: $0 install|start|stop|env|status|running" >&2; exit 2 ;;
esac
