#!/usr/bin/env bash
# Installs, starts and stops the real services Kelvin's integration tests run against, on
# loopback only: Mosquitto (password file, anonymous off, an ACL, a plain and a TLS listener with
# a generated test CA), InfluxDB 1.x (auth on), and the Debian Chromium + ChromeDriver the
# browser tests drive.
#
#   scripts/services.sh install   install missing Debian packages (needs root; else says what is missing)
#   scripts/services.sh start     start the services (idempotent) and write their settings
#   scripts/services.sh start influx|mosquitto   start only that one (fault tests restart it)
#   scripts/services.sh start slurm|stop slurm   the local Slurm (scripts/slurm.sh), which ./test.sh
#                                 starts beside the two servers
#   scripts/services.sh env       print the settings as shell exports (eval "$(scripts/services.sh env)")
#   scripts/services.sh status    say what runs
#   scripts/services.sh running   exit 0 when both servers already run, Mosquitto with its TLS
#                                 listener and the access model's logins (so a caller leaves
#                                 them be)
#   scripts/services.sh stop      stop what start started
#   scripts/services.sh stop influx|mosquitto    stop only that one, for real (fault tests)
#
# Settings (environment): KELVIN_SERVICES_DIR (default /tmp/kelvin-services),
# KELVIN_IT_MQTT_PORT (18830), KELVIN_IT_MQTT_TLS_PORT (18831), KELVIN_IT_INFLUX_PORT (18086),
# KELVIN_IT_MQTT_PERSISTENCE (false; true keeps Mosquitto's sessions and their queued QoS 1
# messages across a stop and start, in $KELVIN_SERVICES_DIR/mosquitto/data/),
# KELVIN_INFLUX_GOGC (400: influxd's Go collector runs at a quarter of its default rate, which
# left more of the two cores to writes in kelvin bench ingest; docs/performance.md).
set -euo pipefail

DIR=${KELVIN_SERVICES_DIR:-/tmp/kelvin-services}
MQTT_PORT=${KELVIN_IT_MQTT_PORT:-18830}
MQTT_TLS_PORT=${KELVIN_IT_MQTT_TLS_PORT:-18831}
MQTT_PERSISTENCE=${KELVIN_IT_MQTT_PERSISTENCE:-false}
MODEL_PREFIX=it-model/v1
MODEL_USER_PREFIX=kelvin-it-model
INFLUX_PORT=${KELVIN_IT_INFLUX_PORT:-18086}
INFLUX_RPC_PORT=$((INFLUX_PORT + 2))
PACKAGES=(mosquitto mosquitto-clients influxdb chromium chromium-driver openssl libgomp1)
BINARIES=(mosquitto mosquitto_passwd influxd chromium chromedriver openssl)

log() { echo "services: $*" >&2; }

missing_binaries() {
  local missing=()
  for bin in "${BINARIES[@]}"; do
    command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || missing+=("$bin")
  done
  # XGBoost's native library (the predictor's failure models) needs GCC's OpenMP runtime
  ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1' || missing+=("libgomp1")
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

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # name port seconds
  local deadline=$((SECONDS + $3))
  until port_open "$2"; do
    if [ $SECONDS -ge $deadline ]; then log "$1 did not open port $2 within $3 s"; return 1; fi
    sleep 0.2
  done
}

secret() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20; }

# A test CA, a server certificate for 127.0.0.1 and localhost, and a client certificate with
# its PKCS#8 key, all signed by the CA; made once into $DIR/tls and reused while they exist.
TLS_FILES=(ca.pem server.pem server.key client.pem client.key)

ossl() { # openssl, its chatter in $DIR/openssl.log, which is shown when it fails
  openssl "$@" >>"$DIR/openssl.log" 2>&1 \
    || { log "openssl $1 failed; see $DIR/openssl.log"; tail -5 "$DIR/openssl.log" >&2; return 1; }
}

tls_ready() {
  local f; for f in "${TLS_FILES[@]}"; do [ -s "$DIR/tls/$f" ] || return 1; done
}

sign() { # name subject extensions: a fresh PKCS#8 RSA key and a certificate the CA signs
  local t="$DIR/tls.new"
  ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$t/$1.key"
  ossl req -new -key "$t/$1.key" -subj "$2" -out "$t/$1.csr"
  printf '%s\n' "$3" >"$t/$1.ext"
  ossl x509 -req -in "$t/$1.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$t/$1.ext" -out "$t/$1.pem"
}

make_tls() {
  if tls_ready; then return 0; fi
  local t="$DIR/tls.new"; rm -rf "$t" "$DIR/tls"; mkdir -p "$t"; : >"$DIR/openssl.log"
  ossl req -x509 -newkey rsa:2048 -nodes -keyout "$t/ca.key" -out "$t/ca.pem" -days 3650 \
    -sha256 -subj "/CN=Kelvin test CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign"
  sign server "/CN=127.0.0.1" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost"
  sign client "/CN=kelvin-it" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
  rm -f "$t"/*.csr "$t"/*.ext "$t"/*.srl
  chmod 600 "$t"/*.key
  mv "$t" "$DIR/tls"
  log "made a test CA, server and client certificates in $DIR/tls"
}

# Kelvin's access model (docs/security.md) for tests of it against Mosquitto: a controller, the
# agents of $MODEL_PREFIX's site-a/n01 and n02, and a read-only watcher, all with the password in
# model-password. MosquittoAclModelIT checks that this is what MosquittoAcl renders.
model_acl() {
  local p="$MODEL_PREFIX" u="$MODEL_USER_PREFIX" node
  printf '\nuser %s-controller\n' "$u"
  printf 'topic write %s\n' "$p/+/node/+/cmd" "$p/controller/status"
  printf 'topic read %s\n' "$p/+/node/+/telemetry" "$p/+/telemetry" "$p/+/node/+/status" \
    "$p/+/node/+/cmd/ack" "$p/+/facility/#"
  for node in n01 n02; do
    printf '\nuser %s-agent-%s\n' "$u" "$node"
    printf 'topic write %s\n' "$p/site-a/node/$node/telemetry" "$p/site-a/node/$node/status" \
      "$p/site-a/node/$node/cmd/ack"
    printf 'topic read %s\n' "$p/site-a/node/$node/cmd"
  done
  printf '\nuser %s-watch\n' "$u"
  printf 'topic read %s\n' "$p/#"
}

# Whether the running Mosquitto's ACL holds the access model of this checkout.
acl_current() {
  local want; want=$(model_acl)
  [ -f "$DIR/mosquitto/acl" ] && [[ "$(cat "$DIR/mosquitto/acl")" == *"$want"* ]]
}

# Mosquitto's persistence lines: off by default; with KELVIN_IT_MQTT_PERSISTENCE=true it saves
# sessions, subscriptions and queued QoS 1 messages to $1/data/ as it stops (SIGTERM) and every
# 60 s, and reads them back as it starts.
persistence_conf() {
  case "$MQTT_PERSISTENCE" in
    true) mkdir -p "$1/data"
      printf 'persistence true\npersistence_location %s/\nautosave_interval 60\n' "$1/data" ;;
    false) echo "persistence false" ;;
    *) log "KELVIN_IT_MQTT_PERSISTENCE must be true or false, was '$MQTT_PERSISTENCE'"; return 1 ;;
  esac
}

start_mosquitto() {
  local d="$DIR/mosquitto"; mkdir -p "$d"
  if alive "$d/pid"; then
    if port_open "$MQTT_TLS_PORT" && acl_current; then
      log "mosquitto already runs on $MQTT_PORT and $MQTT_TLS_PORT"; return 0
    fi
    log "mosquitto runs with an older configuration; restarting it"
    stop_one mosquitto "$d/pid"
  fi
  make_tls
  [ -f "$d/password" ] || secret >"$d/password"
  [ -f "$d/limited-password" ] || secret >"$d/limited-password"
  [ -f "$d/model-password" ] || secret >"$d/model-password"
  : >"$d/passwd"
  "$(command -v mosquitto_passwd)" -b "$d/passwd" kelvin-it "$(cat "$d/password")"
  "$(command -v mosquitto_passwd)" -b "$d/passwd" kelvin-it-limited "$(cat "$d/limited-password")"
  for user in controller agent-n01 agent-n02 watch; do
    "$(command -v mosquitto_passwd)" -b "$d/passwd" "$MODEL_USER_PREFIX-$user" \
      "$(cat "$d/model-password")"
  done
  chmod 600 "$d/passwd"
  cat >"$d/acl" <<ACL
# kelvin-it may do anything; kelvin-it-limited only under it-limited/, so that tests see what
# Mosquitto answers outside it: 0x87 (not authorized) to a QoS 1 or 2 PUBLISH; a SUBSCRIBE is
# granted (an acl_file never checks subscriptions) but nothing outside is delivered.
user kelvin-it
topic readwrite #

user kelvin-it-limited
topic readwrite it-limited/#
ACL
  model_acl >>"$d/acl"
  local persistence; persistence=$(persistence_conf "$d")
  cat >"$d/mosquitto.conf" <<CONF
# Kelvin integration tests: loopback only, no anonymous clients, an ACL on both listeners.
per_listener_settings false
allow_anonymous false
password_file $d/passwd
acl_file $d/acl
$persistence
max_inflight_messages 1000
max_queued_messages 100000
log_dest file $d/mosquitto.log
pid_file $d/pid
user $(id -un)

listener $MQTT_PORT 127.0.0.1

# TLS with the test CA; clients still log in with a password (no client certificate needed).
listener $MQTT_TLS_PORT 127.0.0.1
cafile $DIR/tls/ca.pem
certfile $DIR/tls/server.pem
keyfile $DIR/tls/server.key
require_certificate false
CONF
  local bin; bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)
  "$bin" -c "$d/mosquitto.conf" -d
  wait_port mosquitto "$MQTT_PORT" 10
  wait_port "mosquitto (TLS)" "$MQTT_TLS_PORT" 10
  log "mosquitto on 127.0.0.1:$MQTT_PORT and TLS on 127.0.0.1:$MQTT_TLS_PORT (anonymous off, ACL)"
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
  GOGC=${KELVIN_INFLUX_GOGC:-400} influxd -config "$d/influxdb.conf" >"$d/influxd.log" 2>&1 &
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

start_only() { # mosquitto|influx
  mkdir -p "$DIR"
  case "$1" in
    mosquitto) command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] \
      || { log "cannot start, missing: mosquitto (run: $0 install)"; return 1; }
      start_mosquitto ;;
    influx) command -v influxd >/dev/null 2>&1 \
      || { log "cannot start, missing: influxd (run: $0 install)"; return 1; }
      start_influx ;;
    slurm) "$(dirname "$0")/slurm.sh" start ;;
    *) usage ;;
  esac
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

stop_only() { # mosquitto|influx
  case "$1" in
    mosquitto) stop_one mosquitto "$DIR/mosquitto/pid" ;;
    influx) stop_one influxd "$DIR/influxdb/pid" ;;
    slurm) "$(dirname "$0")/slurm.sh" stop ;;
    *) usage ;;
  esac
}

usage() {
  echo "usage: $0 install|start [influx|mosquitto|slurm]|stop [influx|mosquitto|slurm]|env|status|running" >&2
  exit 2
}

env_exports() {
  echo "export KELVIN_IT_MQTT_URL=tcp://127.0.0.1:$MQTT_PORT"
  echo "export KELVIN_IT_MQTT_USERNAME=kelvin-it"
  echo "export KELVIN_IT_MQTT_PASSWORD=$(cat "$DIR/mosquitto/password" 2>/dev/null)"
  echo "export KELVIN_IT_MQTT_TLS_URL=ssl://127.0.0.1:$MQTT_TLS_PORT"
  echo "export KELVIN_IT_MQTT_CA_FILE=$DIR/tls/ca.pem"
  echo "export KELVIN_IT_MQTT_CLIENT_CERT_FILE=$DIR/tls/client.pem"
  echo "export KELVIN_IT_MQTT_CLIENT_KEY_FILE=$DIR/tls/client.key"
  echo "export KELVIN_IT_MQTT_LIMITED_USERNAME=kelvin-it-limited"
  echo "export KELVIN_IT_MQTT_LIMITED_PASSWORD=$(cat "$DIR/mosquitto/limited-password" 2>/dev/null)"
  echo "export KELVIN_IT_MQTT_MODEL_PREFIX=$MODEL_PREFIX"
  echo "export KELVIN_IT_MQTT_MODEL_USER_PREFIX=$MODEL_USER_PREFIX"
  echo "export KELVIN_IT_MQTT_MODEL_PASSWORD=$(cat "$DIR/mosquitto/model-password" 2>/dev/null)"
  echo "export KELVIN_IT_MQTT_ACL_FILE=$DIR/mosquitto/acl"
  echo "export KELVIN_IT_INFLUX_URL=http://127.0.0.1:$INFLUX_PORT"
  echo "export KELVIN_IT_INFLUX_USERNAME=kelvin-it"
  echo "export KELVIN_IT_INFLUX_PASSWORD=$(cat "$DIR/influxdb/password" 2>/dev/null)"
  echo "export KELVIN_IT_CHROMIUM=$(command -v chromium || true)"
  echo "export KELVIN_IT_CHROMEDRIVER=$(command -v chromedriver || true)"
  "$(dirname "$0")/slurm.sh" env
}

status() {
  alive "$DIR/mosquitto/pid" && log "mosquitto runs on $MQTT_PORT and $MQTT_TLS_PORT (TLS)" \
    || log "mosquitto is stopped"
  alive "$DIR/influxdb/pid" && log "influxd runs on $INFLUX_PORT" || log "influxd is stopped"
}

case "${1:-}" in
  install) mkdir -p "$DIR"; install ;;
  start) if [ -n "${2:-}" ]; then start_only "$2"; else start; fi ;;
  stop) if [ -n "${2:-}" ]; then stop_only "$2"; else stop; fi ;;
  env) env_exports ;;
  status) status ;;
  running) alive "$DIR/mosquitto/pid" && port_open "$MQTT_TLS_PORT" && acl_current \
    && alive "$DIR/influxdb/pid" ;;
  *) usage ;;
esac
