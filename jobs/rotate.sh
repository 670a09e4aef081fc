#!/usr/bin/env bash
# Wrapper for cron, systemd and Kubernetes: builds the jar if it is missing, passes every argument
# through and exits with the rotation's own exit code (0 done, 1 resume later, 2 bad input, 3 rows failed).
#
# JAVA_OPTS defaults to -Xmx512m: enough for a million rows, and it keeps the JVM from growing its heap
# far beyond what the run needs. With it: the parallel collector, and C2 compiling only methods that stay
# hot (higher Tier4 thresholds): on 2 cores the default G1 and eager C2 take the CPU that start-up needs
# (first call after about 2.4 s instead of 3), and the parallel collector suits a batch job's heap best (the
# million-row dry run: 8 s instead of 9.5). A young generation of 256 MB halves the collections, each of
# which stops the calls' pacing for 60 to 90 ms (one in a 1,000-call run instead of two). CERT_ROTATOR_CDS=off
# runs the jar as it is.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${CERT_ROTATOR_JAR:-$here/target/cert-rotator.jar}"
java_opts="${JAVA_OPTS:--Xmx512m -Xmn256m -XX:+UseParallelGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000}"

if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -q -DskipTests package) >&2 || { echo "cert-rotator: build failed" >&2; exit 2; }
fi

# Start-up takes half as long from the extracted jar with a class-data-sharing archive, made once per
# build by a training run: a one-row rotation against the built-in simulator, in a temporary folder.
# Where it cannot be made (a read-only folder, say), the jar runs as it is.
cds="$(dirname "$jar")/cds"
if [ "${CERT_ROTATOR_CDS:-on}" = on ]; then
  if [ ! -f "$cds/app.jsa" ] || [ "$jar" -nt "$cds/app.jsa" ]; then
    # The archive names the jar's path, so it is made in place; one wrapper at a time makes it.
    (
      flock -n 9 || exit 0
      training="$(mktemp -d)" || exit 0
      printf 'zone_id,host,mode,cert_ids\nzone-training1,a.example.com,sslcert,cert-1\n' > "$training/input.csv"
      rm -rf "$cds" && java -Djarmode=tools -jar "$jar" extract --destination "$cds" >/dev/null 2>&1 &&
        java -XX:ArchiveClassesAtExit="$cds/app.jsa.new" -jar "$cds/cert-rotator.jar" --simulate \
          --input="$training/input.csv" --progress=off --cert-rotator.home="$training/home" >/dev/null 2>&1 &&
        mv "$cds/app.jsa.new" "$cds/app.jsa"
      rm -rf "$training"
    ) 9>"$(dirname "$jar")/cds.lock" 2>/dev/null
  fi
  if [ -f "$cds/app.jsa" ] && [ ! "$jar" -nt "$cds/app.jsa" ]; then
    # ArchiveRelocationMode=0 maps the archive at the address it was made for, where Java 17.0.15 moves it to a
    # random one and rewrites its pointers: 0.15 s of every start. The classes' metadata then sits at a known
    # address (the heap and code stay randomized); CERT_ROTATOR_CDS=off avoids both.
    exec java -XX:SharedArchiveFile="$cds/app.jsa" -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 \
      -Xlog:cds=off -Xlog:cds+dynamic=off $java_opts \
      -jar "$cds/cert-rotator.jar" "$@"
  fi
fi
exec java $java_opts -jar "$jar" "$@"
