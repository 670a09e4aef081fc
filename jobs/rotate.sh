#!/usr/bin/env bash
# Wrapper for cron, systemd and Kubernetes: builds the jar if it is missing, passes every argument
# through and exits with the rotation's own exit code (0 done, 1 resume later, 2 bad input, 3 rows failed).
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${CERT_ROTATOR_JAR:-$here/target/cert-rotator.jar}"

if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -q -DskipTests package) >&2 || { echo "cert-rotator: build failed" >&2; exit 2; }
fi

exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
