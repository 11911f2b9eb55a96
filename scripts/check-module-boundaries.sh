#!/usr/bin/env bash
# Proves the build still enforces the module rules of docs/architecture.md, by breaking them
# on purpose in a scratch copy of the poms and expecting the enforcer to refuse:
#   1. policy depending on its sibling telemetry, and telemetry on its sibling actuators,
#   2. the MQTT layer depending on a feature module,
#   3. core depending on a library (slf4j),
#   4. app depending on CloudSim Plus, which only the bench-cloudsim process may load.
# Needs the dependencies already in the local Maven repository (run after ./mvnw verify).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

copy_poms() {
  rm -rf "$scratch/tree" && mkdir -p "$scratch/tree"
  (cd "$root" && cp -r mvnw .mvn pom.xml "$scratch/tree/")
  for m in core datasets mqtt telemetry predictor policy actuators agent simulator dashboard app bench-cloudsim; do
    mkdir -p "$scratch/tree/$m" && cp "$root/$m/pom.xml" "$scratch/tree/$m/"
  done
}

add_dependency() { # module groupId artifactId [version]
  python3 - "$scratch/tree/$1/pom.xml" "$2" "$3" "${4:-}" <<'PY'
import sys
path, group, artifact, version = sys.argv[1:]
text = open(path).read()
pinned = f"<version>{version}</version>" if version else ""
dep = f"<dependency><groupId>{group}</groupId><artifactId>{artifact}</artifactId>{pinned}</dependency>"
if "<dependencies>" in text:
    text = text.replace("<dependencies>", "<dependencies>\n    " + dep, 1)
else:
    text = text.replace("</project>", f"  <dependencies>{dep}</dependencies>\n</project>")
open(path, "w").write(text)
PY
}

expect_refusal() { # description module expected-message
  if out=$(cd "$scratch/tree" && ./mvnw -B -o -q validate -pl "$2" -am 2>&1); then
    echo "module boundaries: FAIL: the enforcer accepted $1" >&2
    exit 1
  fi
  if ! grep -q "$3" <<<"$out"; then
    echo "module boundaries: FAIL: $1 was refused, but not by the module rule:" >&2
    echo "$out" | tail -20 >&2
    exit 1
  fi
  echo "module boundaries: ok, the enforcer refuses $1"
}

copy_poms
if ! out=$(cd "$scratch/tree" && ./mvnw -B -o -q validate 2>&1); then
  echo "module boundaries: FAIL: the unmodified poms do not validate:" >&2
  echo "$out" | tail -20 >&2
  exit 1
fi
echo "module boundaries: ok, the unmodified poms validate"

copy_poms
add_dependency policy dev.kelvin kelvin-telemetry
expect_refusal "policy depending on its sibling telemetry" policy "may depend on kelvin-core and kelvin-mqtt only"

copy_poms
add_dependency telemetry dev.kelvin kelvin-actuators
expect_refusal "telemetry depending on its sibling actuators" telemetry "may depend on kelvin-core and kelvin-mqtt only"

copy_poms
add_dependency mqtt dev.kelvin kelvin-policy
expect_refusal "the MQTT layer depending on policy, a feature module" mqtt "may depend on kelvin-core and kelvin-mqtt only"

copy_poms
add_dependency core org.slf4j slf4j-api
expect_refusal "core depending on slf4j" core "depends on the JDK alone"

copy_poms
add_dependency app org.cloudsimplus cloudsimplus 8.5.7
expect_refusal "app depending on CloudSim Plus" app "may not depend on the CloudSim Plus bench"
