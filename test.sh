#!/usr/bin/env bash
# Kelvin's test command. On a fresh machine with a JDK 17 it:
#   1. installs the Debian packages the integration tests need when they are missing
#      (Mosquitto, InfluxDB, Chromium + ChromeDriver, openssl; needs root, else it says what to
#      install),
#   2. starts Mosquitto (password file, anonymous off, ACL, plain and TLS listeners; the test
#      certificates are made with openssl) and InfluxDB (auth on) on loopback, and a local Slurm
#      (scripts/slurm.sh: slurmctld and nodes n1..n4, installed from Debian's packages when
#      missing),
#   3. runs every test: unit (surefire), integration and browser (failsafe) with ./mvnw verify,
#   4. checks that the enforcer still rejects a sibling-module dependency,
#   5. stops the services it started (services that were already running are left running).
# Extra arguments go to Maven, e.g. ./test.sh -pl core -am
set -euo pipefail
cd "$(dirname "$0")"

started=0
slurm_started=0
scripts/services.sh install
if ! scripts/services.sh running; then
  scripts/services.sh start
  started=1
fi
if ! scripts/slurm.sh running; then
  scripts/slurm.sh start
  slurm_started=1
fi
cleanup() {
  [ "$slurm_started" = 1 ] && scripts/slurm.sh stop || true
  [ "$started" = 1 ] && scripts/services.sh stop || true
}
trap cleanup EXIT
eval "$(scripts/services.sh env)"

./mvnw -B verify "$@"
scripts/check-module-boundaries.sh
