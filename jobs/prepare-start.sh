#!/usr/bin/env bash
# Prepares a faster start for jobs/rotate.sh, once per build of the jar (after `mvn package`, or in the image
# build): extracts the jar (Spring Boot's `-Djarmode=tools extract`: plain jars load faster than jars nested in
# one) and archives the classes a rotation loads (CDS: a training rotation of a few hosts on the built-in
# simulator, in a throwaway home, with -XX:ArchiveClassesAtExit). The result goes to CERT_ROTATOR_START_DIR
# (default: beside the jar, JAR-start/), under a folder named for this build of the jar; earlier builds' folders
# there are removed. The archive belongs to this JDK and these paths: it is made where it will be used, by the
# java that will use it. Run it again after a new jar or JDK; without it, jobs/rotate.sh starts as before.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${CERT_ROTATOR_JAR:-$(cd "$here/.." && pwd)/target/cert-rotator.jar}"
if [ ! -f "$jar" ]; then
  echo "cert-rotator: no jar at $jar (build it with mvn package, or set CERT_ROTATOR_JAR)" >&2
  exit 2
fi
# As jobs/rotate.sh finds it: a link's target, by its full path.
jar="$(readlink -f "$jar")"
start_dir="${CERT_ROTATOR_START_DIR:-${jar%.jar}-start}"
if ! mkdir -p "$start_dir" 2>/dev/null || [ ! -w "$start_dir" ]; then
  echo "cert-rotator: cannot write $start_dir: set CERT_ROTATOR_START_DIR to a folder you can write" >&2
  exit 1
fi
start_dir="$(cd "$start_dir" && pwd)"
build="$(stat -c '%s-%Y' "$jar")"
prepared="$start_dir/$build"
# One preparation at a time (an image build and a cron job, two operators): the second waits, then finds it done.
exec 9> "$start_dir/.lock"
flock 9
if [ -f "$prepared/classes.jsa" ]; then
  echo "cert-rotator: a faster start is ready in $prepared (jobs/rotate.sh uses it until the jar changes)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The archive is checked against the paths it was made with: extract where jobs/rotate.sh will look.
rm -rf "$prepared"
java -Djarmode=tools -jar "$jar" extract --destination "$prepared/app" > "$work/extract.log" 2>&1 \
  || { cat "$work/extract.log" >&2; exit 1; }
printf 'zone_id,host,mode,cert_ids\n' > "$work/training.csv"
for h in 1 2 3 4; do
  printf 'zone-training,h%s.training.example.com,sslcert,cert-training\n' "$h" >> "$work/training.csv"
done
# Through jobs/rotate.sh, so the archive is made with the JVM options it runs with; in an empty environment, in a
# folder of its own and with a repository of its own, so that nothing of the host's (SPRING_DATASOURCE_URL, an
# application.properties, ~/.cert-rotator) takes the training run.
if ! (cd "$work" && env -i PATH="$PATH" HOME="$work" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} \
    ${JAVA_OPTS:+JAVA_OPTS="$JAVA_OPTS"} CERT_ROTATOR_JAR="$prepared/app/$(basename "$jar")" \
    CERT_ROTATOR_START_DIR="$work/none" JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$work/classes.jsa" \
    TENCENTCLOUD_SECRET_ID=AKIDtraining TENCENTCLOUD_SECRET_KEY=training \
    "$here/rotate.sh" --input="$work/training.csv" --simulate --progress=off --cert-rotator.home="$work/home" \
    --spring.datasource.url="jdbc:h2:file:$work/home/jobs" > "$work/training.log" 2>&1) \
    || [ ! -s "$work/classes.jsa" ]; then
  cat "$work/training.log" >&2
  echo "cert-rotator: the training rotation failed (above); jobs/rotate.sh starts from the jar as before" >&2
  rm -rf "$prepared"
  exit 1
fi
# The archive last: jobs/rotate.sh uses the folder once it is there.
mv "$work/classes.jsa" "$prepared/classes.jsa"
find "$start_dir" -mindepth 1 -maxdepth 1 ! -name "$build" ! -name .lock -exec rm -rf {} +
echo "cert-rotator: a faster start is ready in $prepared (jobs/rotate.sh uses it until the jar changes)"
