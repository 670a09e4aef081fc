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
#
# Once jobs/prepare-start.sh has run for this jar, the JVM starts from the jar extracted beside it
# (CERT_ROTATOR_START_DIR, default JAR-start/, of a link's target) with its classes archived (CDS), which takes about a second
# off the start. Anything else (no such folder, a rebuilt jar, another JDK) starts from the jar as before.
set -uo pipefail
jar="${CERT_ROTATOR_JAR:-$(cd "$(dirname "$0")/.." && pwd)/target/cert-rotator.jar}"
java_opts="${JAVA_OPTS:--Xmx512m -Xmn256m -XX:+UseParallelGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000}"
# A stopped run names this script as the command to run again.
launcher="-Dcert-rotator.launcher=$0"

if [ ! -f "$jar" ]; then
  echo "cert-rotator: no jar at $jar (build it with mvn package, or set CERT_ROTATOR_JAR)" >&2
  exit 2
fi
# The prepared start belongs to one build of the jar (a link's target): its size and modification time name it.
built="$(readlink -f "$jar" 2>/dev/null || echo "$jar")"
start_dir="${CERT_ROTATOR_START_DIR:-${built%.jar}-start}"
prepared="$start_dir/$(stat -c '%s-%Y' "$built" 2>/dev/null || echo none)"
# JAVA_OPTS is a list of options: split on spaces on purpose.
# shellcheck disable=SC2086
if [ -f "$prepared/classes.jsa" ]; then
  # An archive the JVM cannot use (another JDK) is skipped without a word: the start is only slower.
  exec java $java_opts -XX:SharedArchiveFile="$prepared/classes.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "$launcher" -jar "$prepared/app/$(basename "$built")" "$@"
fi
# shellcheck disable=SC2086
exec java $java_opts "$launcher" -jar "$jar" "$@"
