#!/usr/bin/env bash
# Throughput benchmark: runs the rotation against the built-in simulator (a separate JVM with a strict
# sliding-window rate limit and realistic latency) and prints, per scenario, the calls, the admitted
# calls per second and their ratio to the API's limit of 20/s, refusals for rate, and wall time against
# the floor N/20 s plus start-up; then the million-row dry run's time and peak memory. The job runs
# through jobs/rotate.sh, as in production.
#
#   jobs/bench.sh            all scenarios, the loading and memory figures, the estate read last
#   jobs/bench.sh quick      the same with 200 calls per scenario instead of 1,000
#   jobs/bench.sh estate     only the estate read: 1,000 zones, 50,000 hosts, 2,000 certificates (about a minute)
#   jobs/bench.sh load       only the loading and memory figures (the last part)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/cert-rotator.jar"
[ -f "$jar" ] || (cd "$here" && mvn -q -DskipTests package)
calls=1000
[ "${1:-}" = quick ] && calls=200
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
export TENCENTCLOUD_SECRET_ID=AKIDbenchmark TENCENTCLOUD_SECRET_KEY=benchmark-secret-key
rotate="$here/jobs/rotate.sh"

# rows ZONE_COUNT HOSTS_PER_ZONE: one certificate per zone
rows() {
  echo "zone_id,host,mode,cert_ids"
  awk -v zones="$1" -v hosts="$2" 'BEGIN { for (z = 0; z < zones; z++) for (h = 0; h < hosts; h++)
    printf "zone-bench%04d,h%d.z%d.bench.example.com,sslcert,cert-bench%04d\n", z, h, z, z }'
}

# field ACTION NAME FILE: one figure of the simulator's summary line for ACTION (0 when it saw none)
field() { local v; v=$(sed -n "s/.*action=$1 .* $2=\([^ ]*\).*/\1/p" "$3"); echo "${v:-0}"; }

# scenario NAME INPUT MAX_HOSTS_PER_CALL [simulator knobs...]
scenario() {
  local name="$1" input="$2" per_call="$3"; shift 3
  local dir="$work/$name"; mkdir -p "$dir"
  # The simulator stands in for a server on another machine: the client compiler alone and the serial
  # collector keep it from taking the job's CPU on a small machine (its JIT would run during the job's start),
  # and a young generation too large to fill in one scenario keeps it from collecting: a 20 ms pause of its
  # own would stamp the calls that came in meanwhile late, as if they had arrived bunched.
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -jar "$jar" simulate --port=0 --port-file="$dir/port" --seed="$input" --random-seed=7 "$@" \
    > "$dir/simulator.out" 2>&1 &
  local sim=$!
  for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.1; done
  local start end code=0
  start=$(date +%s%3N)
  "$rotate" --input="$input" --endpoint="http://127.0.0.1:$(cat "$dir/port")" \
    --max-hosts-per-call="$per_call" --cert-rotator.home="$dir/home" --progress=off > "$dir/job.out" 2>&1 || code=$?
  end=$(date +%s%3N)
  kill -TERM "$sim"; wait "$sim" || true
  local sim="$dir/simulator.out" m=ModifyHostsCertificate d=DescribeAccelerationDomains
  awk -v n="$name" -v a="$(field $m admitted "$sim")" -v r="$(field $m admitted_per_s "$sim")" \
      -v busy="$(field $m busy_admitted_per_s "$sim")" \
      -v med="$(field $m median_admitted_per_1s "$sim")" -v f="$(field $m refused_for_rate "$sim")" \
      -v mx="$(field $m max_admitted_in_1s "$sim")" -v tight="$(field $m shortest_span_over_limit_ms "$sim")" -v first="$(field $m first_arrival_ms "$sim")" \
      -v dfirst="$(field $d first_arrival_ms "$sim")" -v desc="$(field $d admitted "$sim")" \
      -v zfirst="$(field DescribeZones first_arrival_ms "$sim")" \
      -v s="$start" -v e="$end" -v code="$code" 'BEGIN {
    if (dfirst > 0 && dfirst < first) first = dfirst
    if (zfirst > 0 && zfirst < first) first = zfirst
    startup = (first - s) / 1000; wall = (e - s) / 1000; floor = a / 20 + startup
    spare = tight > 0 ? sprintf("%.1f", tight - 1000) : "none"
    printf "%-22s %6d %8.2f %7.1f%% %7.2f %7.1f%% %7d %8d %7d %9s %8.1f %8.1f %7.3f %8.2f %9d %5d\n",
      n, a, r, r / 20 * 100, busy, busy / 20 * 100, med, f, mx, spare, wall, floor, wall / floor, startup, desc, code }'
}

# estate: reads a whole estate (1,000 zones: 100 of 230 hosts, 900 of 30; 2,000 certificates) from the simulator
# with the estate reader (io.certrotator.estate.EstateReadBenchmark), and prints the calls per action against
# the fewest the paging allows, each action's rate against its budget, and the reader's peak resident memory.
estate() {
  local dir="$work/estate"; mkdir -p "$dir"
  awk 'BEGIN {
    printf "{\"zones\": ["
    for (z = 0; z < 1000; z++) {
      hosts = z < 100 ? 230 : 30
      printf "%s{\"zoneId\": \"zone-estate%04d\", \"hosts\": [", (z ? "," : ""), z
      for (h = 0; h < hosts; h++)
        printf "%s{\"host\": \"h%d.z%d.estate.example.com\", \"certIds\": [\"cert-estate%04d\"]}", (h ? "," : ""), h, z, (z * 2 + h % 2) % 2000
      printf "]}"
    }
    printf "], \"certificates\": ["
    for (c = 0; c < 2000; c++)
      printf "%s{\"certId\": \"cert-estate%04d\", \"names\": [\"*.estate.example.com\"], \"notAfter\": \"2027-0%d-01T00:00:00Z\", \"algorithm\": \"%s\"}", (c ? "," : ""), c, c % 9 + 1, c % 2 ? "ECC 256" : "RSA 2048"
    printf "]}\n"
  }' > "$dir/state.json"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -jar "$jar" simulate --port=0 --port-file="$dir/port" \
    --state="$dir/state.json" --random-seed=7 --latency-ms=250 --jitter-ms=150 > "$dir/simulator.out" 2>&1 &
  local sim=$!
  for _ in $(seq 300); do [ -s "$dir/port" ] && break; sleep 0.1; done
  /usr/bin/time -v java -Xmx256m -XX:+UseSerialGC -cp "$jar" -Dloader.main=io.certrotator.estate.EstateReadBenchmark \
    org.springframework.boot.loader.launch.PropertiesLauncher "http://127.0.0.1:$(cat "$dir/port")" > "$dir/reader.out" 2>&1
  kill -TERM "$sim"; wait "$sim" || true
  grep -E '^(estate|summary):' "$dir/reader.out"
  printf "%-28s %7s %7s %8s %8s %7s %8s %9s\n" action calls fewest refused "calls/s" steady budget "of budget"
  local action budget fewest
  for action in DescribeZones DescribeAccelerationDomains DescribeCertificates; do
    case $action in
      DescribeZones) budget=20 fewest=10 ;;                          # ceil(1000 / 100)
      DescribeAccelerationDomains) budget=20 fewest=1100 ;;          # 100 x ceil(230 / 200) + 900 x ceil(30 / 200)
      DescribeCertificates) budget=5 fewest=2 ;;                     # ceil(2000 / 1000)
    esac
    awk -v a="$action" -v n="$(sed -n "s/.*action=$action received=\([0-9]*\).*/\1/p" "$dir/simulator.out")" -v f="$fewest" -v b="$budget" \
        -v r="$(field $action admitted_per_s "$dir/simulator.out")" -v x="$(field $action refused_for_rate "$dir/simulator.out")" \
        -v m="$(field $action median_admitted_per_1s "$dir/simulator.out")" \
        'BEGIN { printf "%-28s %7d %7d %8d %8.2f %7d %8d %8.1f%%\n", a, n, f, x, r, m, b, r / b * 100 }'
  done
  awk '/Maximum resident set size/ { printf "reader peak resident memory: %.0f MB\n", $NF / 1024 }
       /Elapsed \(wall clock\)/ { print "reader wall time: " $NF }' "$dir/reader.out"
  echo "(calls: every call the simulator received; fewest: what the paging allows; calls/s: (calls - 1) over the"
  echo " span from the first to the last admitted arrival; steady: the median of admitted calls per whole second)"
}
if [ "${1:-}" = estate ]; then
  estate
  exit 0
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | sed -n 1p)"
# As in production: the start prepared once for this jar (the start-up rows below also start without it).
"$here/jobs/prepare-start.sh"
echo
if [ "${1:-}" != load ]; then
printf "%-22s %6s %8s %8s %7s %8s %7s %8s %7s %9s %8s %8s %7s %8s %9s %5s\n" scenario calls "calls/s" "of 20/s" \
  "busy/s" "of 20/s" "steady" "refused" "max/1s" "spare ms" "wall s" "floor s" ratio "start s" describes exit
rows 1 "$calls" > "$work/single.csv"
latency=(--latency-ms=250 --jitter-ms=150)
scenario single-host-calls "$work/single.csv" 1 "${latency[@]}"
scenario with-2s-outliers "$work/single.csv" 1 "${latency[@]}" --outlier-rate=0.01 --outlier-ms=2000
scenario with-10pct-transient "$work/single.csv" 1 "${latency[@]}" --transient-error-rate=0.10
rows 1 400 > "$work/grouped.csv"
scenario 400-hosts-one-cert "$work/grouped.csv" 100 "${latency[@]}"
rows 1 50 > "$work/start.csv"
for i in 1 2 3; do
  scenario "start-up-prepared-$i" "$work/start.csv" 1
  CERT_ROTATOR_START_DIR="$work/not-prepared" scenario "start-up-from-jar-$i" "$work/start.csv" 1
done
echo
echo "(calls: admitted ModifyHostsCertificate calls, retries included; calls/s: admitted calls per second between"
echo " the first and last arrival; busy/s: the same until the last call that named a host for the first time,"
echo " while the run had hosts not tried yet (after it, it only waits out the back-off of its last retries);"
echo " steady: the median of admitted calls per whole second; refused: refusals for rate; max/1s: most admitted"
echo " in any second;"
echo " spare: the shortest time in which 21 calls arrived, less one second: how much sooner the 21st could have arrived"
echo " without a refusal (negative: a second held 21; none: fewer than 21 calls);"
echo " floor: calls / 20 plus start-up, where start-up is JVM start to the first API call; describes: admitted"
echo " DescribeAccelerationDomains calls, reading the live state before and verifying after, on their own budget;"
echo " start-up-*: 50 hosts without latency, to read start s: prepared, as every row above, or from the jar alone)"
echo

rows 200 5000 > "$work/million.csv"
# Without credentials: a dry run with them reads the live state from the (real) endpoint.
env -u TENCENTCLOUD_SECRET_ID -u TENCENTCLOUD_SECRET_KEY /usr/bin/time -v "$rotate" --input="$work/million.csv" --dry-run \
  --cert-rotator.home="$work/dry-home" > "$work/dry.out" 2>&1
awk '/^rows:/ { split($2, r, " "); rows = $2 }
     /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); secs = t[n] + (n > 1 ? t[n-1] * 60 : 0) }
     /Maximum resident set size/ { rss = $NF / 1024 }
     END { printf "dry run of %d rows: %.1f s (%.0f rows/s), peak resident memory %.0f MB\n", rows, secs, rows / secs, rss }' \
  "$work/dry.out"
grep '^plan:' "$work/dry.out"
fi

# --- Loading and memory: a high-diversity million rows (every host distinct, about 485,000 zone and certificate
# targets over 97 zones), as a new user runs it (java -jar, no JVM option) and through jobs/rotate.sh.
awk 'BEGIN { print "zone_id,host,mode,cert_ids"; for (i = 0; i < 1000000; i++)
  printf "zone-div%04d,h%d.div.example.com,sslcert,cert-d%d\n", int(i / 10310), i, int(i * 0.485) }' > "$work/diverse.csv"
echo
echo "high-diversity million rows: $(awk -F, 'NR > 1 { t[$1 "," $4] } END { print length(t) }' "$work/diverse.csv") targets"

# figures FILE: wall time, CPU time and peak resident memory from /usr/bin/time -v's report in FILE
figures() {
  awk '/Elapsed \(wall clock\)/ { n = split($NF, t, ":"); secs = t[n] + (n > 1 ? t[n-1] * 60 : 0) }
       /User time/ { cpu += $NF } /System time/ { cpu += $NF }
       /Maximum resident set size/ { rss = $NF / 1024 }
       END { printf "%.1f s (cpu %.1f s), peak resident memory %.0f MB", secs, cpu, rss }' "$1"
}

for how in "java -jar" "jobs/rotate.sh"; do
  cmd=(java -jar "$jar"); [ "$how" = jobs/rotate.sh ] && cmd=("$rotate")
  code=0
  env -u TENCENTCLOUD_SECRET_ID -u TENCENTCLOUD_SECRET_KEY /usr/bin/time -v "${cmd[@]}" --input="$work/diverse.csv" \
    --dry-run --cert-rotator.home="$work/dry-home" > "$work/dry-diverse.out" 2>&1 || code=$?
  echo "dry run, $how: $(figures "$work/dry-diverse.out"), exit $code"
done

# loadrun NAME COMMAND [options...]: a real run of the high-diversity input (COMMAND: java -jar or jobs/rotate.sh)
# against the simulator (seeded with it), stopped by SIGTERM 10 s after its rotate step began; prints the load's
# rows/s, the time from start to the first ModifyHostsCertificate call, the peak resident memory when the load had
# ended (and the conflicts were marked) and the run's.
loadrun() {
  local name="$1" how="$2"; shift 2
  local cmd=(java -jar "$jar"); [ "$how" = jobs/rotate.sh ] && cmd=("$rotate")
  local dir="$work/load-$name-${how//[^a-z]/-}"; mkdir -p "$dir"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx4g -jar "$jar" simulate --port=0 --port-file="$dir/port" \
    --seed="$work/diverse.csv" --latency-ms=50 > "$dir/simulator.out" 2>&1 &
  local sim=$!
  for _ in $(seq 600); do [ -s "$dir/port" ] && break; sleep 0.1; done
  local start; start=$(date +%s%3N)
  /usr/bin/time -v "${cmd[@]}" --input="$work/diverse.csv" --endpoint="http://127.0.0.1:$(cat "$dir/port")" \
    --cert-rotator.home="$dir/home" --progress=off \
    --logging.level.org.springframework.batch.core.step.AbstractStep=INFO "$@" > "$dir/job.out" 2>&1 &
  local timer=$! job="" loaded_rss=""
  for _ in $(seq 6000); do
    job=$(pgrep -P "$timer" || true)
    if grep -q 'Executing step: \[rotateCertificates\]' "$dir/job.out"; then
      loaded_rss=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$job/status" 2>/dev/null)
      break
    fi
    kill -0 "$timer" 2>/dev/null || break
    sleep 0.1
  done
  sleep 10
  [ -n "$job" ] && kill -TERM "$job"
  wait "$timer" || true
  kill -TERM "$sim"; wait "$sim" || true
  local first; first=$(field ModifyHostsCertificate first_arrival_ms "$dir/simulator.out")
  local took; took=$(sed -n 's/.*Step: \[loadInput\] executed in \([0-9hms]*\).*/\1/p' "$dir/job.out")
  awk -v n="$name, $how" -v took="$took" -v loaded="${loaded_rss:-unknown}" -v s="$start" -v first="$first" -v f="$(figures "$dir/job.out")" 'BEGIN {
    secs = 0; rest = took
    while (match(rest, /^[0-9]+(ms|h|m|s)/)) {
      part = substr(rest, 1, RLENGTH); rest = substr(rest, RLENGTH + 1)
      v = part + 0; u = part; gsub(/[0-9]/, "", u)
      secs += u == "ms" ? v / 1000 : u == "s" ? v : u == "m" ? v * 60 : v * 3600
    }
    load = secs > 0 ? sprintf("%.0f rows/s (%.1f s)", 1000000 / secs, secs) : "not finished"
    modify = first > 0 ? sprintf("%.1f s", (first - s) / 1000) : "none"
    printf "real run, %s: load %s, peak resident memory after the load %s; first ModifyHostsCertificate after %s; run %s\n",
      n, load, loaded, modify, f }'
}

loadrun h2 "java -jar"
loadrun h2 jobs/rotate.sh
pg_ctl="$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1 || true)"
if [ -n "$pg_ctl" ] && [ -x "$pg_ctl" ]; then
  pgdir="$work/pg"; mkdir -p "$pgdir"; chmod 755 "$work"
  pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as=(); [ "$(id -u)" = 0 ] && { chown postgres "$pgdir"; as=(runuser -u postgres --); }
  "${as[@]}" "$(dirname "$pg_ctl")/initdb" -D "$pgdir/data" -U bench --auth=trust > "$pgdir/initdb.out" 2>&1
  "${as[@]}" "$pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1" \
    -w start > /dev/null
  trap '"${as[@]}" "$pg_ctl" -D "$pgdir/data" -m immediate stop > /dev/null 2>&1; kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
  loadrun postgres "java -jar" --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pgport/postgres" \
    --spring.datasource.username=bench --spring.datasource.password=
else
  echo "real run, postgres: skipped: no PostgreSQL"
fi

if [ "${1:-}" != load ]; then
  echo
  estate
fi
