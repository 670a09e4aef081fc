#!/usr/bin/env bash
# Wrapper for cron, systemd and Kubernetes: runs the jar with the JVM options below, passes every argument through
# and exits with the rotation's own exit code (0 done, 1 resume later, 2 bad input, 3 rows failed). It builds
# nothing and runs nothing else: the jar comes from `mvn package` or the image (CERT_ROTATOR_JAR says where).
#
# JAVA_OPTS defaults to -Xmx512m: enough for a million rows, and it keeps the JVM from growing its heap
# far beyond what the run needs. With it: the parallel collector, and C2 compiling only methods that stay
# hot (higher Tier4 thresholds): on 2 cores the default G1 and eager C2 take the CPU that start-up needs,
# and the parallel collector suits a batch job's heap best (the million-row dry run: 8 s instead of 9.5).
# A young generation of 256 MB halves the collections, each of which stops the calls' pacing for 60 to 90 ms.
# Setting JAVA_OPTS replaces all of them.
set -uo pipefail
jar="${CERT_ROTATOR_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/cert-rotator.jar}"
java_opts="${JAVA_OPTS:--Xmx512m -Xmn256m -XX:+UseParallelGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000}"

if [ ! -f "$jar" ]; then
  echo "cert-rotator: no jar at $jar (build it with mvn package, or set CERT_ROTATOR_JAR)" >&2
  exit 2
fi
# JAVA_OPTS is a list of options: split on spaces on purpose.
# shellcheck disable=SC2086
exec java $java_opts -jar "$jar" "$@"
