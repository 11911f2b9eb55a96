#!/usr/bin/env bash
# A throw-away Slurm 22.05 (Debian 12's packages) on loopback for Kelvin's integration tests: one
# slurmctld and four slurmd daemons, the logical nodes n1..n4 of one host, each slurmd on its own
# port. Its configuration lives in $KELVIN_SERVICES_DIR/slurm/slurm.conf (clients find it through
# SLURM_CONF; /etc/slurm is not touched).
#
#   scripts/slurm.sh start   install what is missing (root), start munged and the daemons, wait
#                            until every node answers; does nothing more when they run
#   scripts/slurm.sh stop    cancel every job, stop the daemons this script started (by PID file)
#   scripts/slurm.sh env     the settings as shell exports (eval "$(scripts/slurm.sh env)")
#   scripts/slurm.sh running exit 0 when slurmctld and every slurmd run
#
# Settings (environment): KELVIN_SERVICES_DIR (/tmp/kelvin-services), KELVIN_IT_SLURM_PORT
# (16817: slurmctld; node i's slurmd listens on 16900 + i).
set -euo pipefail

DIR=${KELVIN_SERVICES_DIR:-/tmp/kelvin-services}/slurm
CTLD_PORT=${KELVIN_IT_SLURM_PORT:-16817}
NODES=4
export SLURM_CONF=$DIR/slurm.conf
PACKAGES=(munge slurmctld slurmd slurm-client)

log() { echo "slurm: $*" >&2; }

# pid_of FILE COMM: the PID in FILE when it is a live COMM, else fails
pid_of() {
  local p; p=$(cat "$1" 2>/dev/null) || return 1
  [[ $p =~ ^[0-9]+$ ]] && [ "$(cat /proc/"$p"/comm 2>/dev/null)" = "$2" ] && echo "$p"
}

running() {
  pid_of "$DIR/run/slurmctld.pid" slurmctld >/dev/null || return 1
  for i in $(seq "$NODES"); do pid_of "$DIR/run/slurmd-n$i.pid" slurmd >/dev/null || return 1; done
}

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "missing ${missing[*]}; as root: apt-get install -y --no-install-recommends ${PACKAGES[*]}"
    return 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >"$DIR/apt.log" 2>&1 \
    || { log "apt-get failed; see $DIR/apt.log"; tail -20 "$DIR/apt.log" >&2; return 1; }
}

munge_works() { munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; }

start_munge() {
  [ -s /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge
  munge_works && return 0
  # --force gets past a stale socket a killed munged left behind
  runuser -u munge -- /usr/sbin/munged --force --pid-file=/run/munge/munged.pid
  for _ in $(seq 50); do munge_works && break; sleep 0.1; done
  munge_works || { log "munged did not come up (see /var/log/munge/munged.log)"; return 1; }
  cp /run/munge/munged.pid "$DIR/run/munged.pid"   # ours: stop stops it
}

write_conf() {
  local host; host=$(hostname -s)
  cat >"$SLURM_CONF" <<CONF
# Kelvin integration tests (scripts/slurm.sh): rewritten on every start
ClusterName=kelvin-it
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1
# a node set DOWN by hand stays down until State=RESUME
ReturnToService=1
# four logical nodes share this host's cores
SlurmdParameters=config_overrides
MailProg=/bin/true
SlurmdTimeout=30
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool/%n
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd-%n.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd-%n.log
NodeName=n[1-$NODES] NodeHostname=$host NodeAddr=127.0.0.1 Port=[16901-$((16900 + NODES))] CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
}

nodes_up() { # every node answers: no '*' (not responding) and not unknown or down
  [ "$(sinfo -h -N -o '%N %t' 2>/dev/null | awk '$2 !~ /[*]$/ && $2 !~ /^(unk|down)/' \
    | sort -u | wc -l)" -ge "$NODES" ]
}

start() {
  if running; then log "slurmctld and $NODES slurmd already run"; return 0; fi
  mkdir -p "$DIR"/{run,log,jobs}
  install_packages
  start_munge
  if ! pid_of "$DIR/run/slurmctld.pid" slurmctld >/dev/null; then
    rm -rf "$DIR/state" "$DIR/spool" && mkdir -p "$DIR/state"
    write_conf
    slurmctld -c                                   # daemonizes; -c: no saved state
    for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q "is UP" && break; sleep 0.1; done
    scontrol ping | grep -q "is UP" || { log "slurmctld is not up; see $DIR/log"; return 1; }
  fi
  for i in $(seq "$NODES"); do
    pid_of "$DIR/run/slurmd-n$i.pid" slurmd >/dev/null && continue
    mkdir -p "$DIR/spool/n$i" && slurmd -N "n$i"   # daemonizes
  done
  for _ in $(seq 300); do nodes_up && break; sleep 0.2; done
  nodes_up || { sinfo -N >&2; log "nodes did not come up; see $DIR/log"; return 1; }
  log "slurmctld on 127.0.0.1:$CTLD_PORT, nodes n1..n$NODES idle (SLURM_CONF=$SLURM_CONF)"
}

stop_pid() { # file comm
  local p; p=$(pid_of "$1" "$2") || { rm -f "$1"; return 0; }
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 150); do [ -d "/proc/$p" ] || break; sleep 0.1; done
  [ -d "/proc/$p" ] && kill -KILL "$p" 2>/dev/null || true
  rm -f "$1"
}

stop() {
  if pid_of "$DIR/run/slurmctld.pid" slurmctld >/dev/null; then
    scancel --full --quiet --user=root 2>/dev/null || true   # no job outlives its slurmd
  fi
  local i
  for i in $(seq "$NODES"); do stop_pid "$DIR/run/slurmd-n$i.pid" slurmd & done
  wait
  stop_pid "$DIR/run/slurmctld.pid" slurmctld
  stop_pid "$DIR/run/munged.pid" munged
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$SLURM_CONF"
       echo "export KELVIN_IT_SLURM_CONF=$SLURM_CONF"
       echo "export KELVIN_IT_SLURM_JOBS_DIR=$DIR/jobs" ;;
  running) running ;;
  *) echo "usage: $0 start|stop|env|running" >&2; exit 2 ;;
esac
