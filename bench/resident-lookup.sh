#!/usr/bin/env bash
# Finding the household over the generated resident record (issue 18; Gatling,
# bench/…/ResidentLookupSimulation) against a freshly started server jar with its embedded
# PostgreSQL and the demo snapshot (about 65,000 residents in 25,000 households). Prints one
# line per run with the figures docs/performance.md records.
#   bench/resident-lookup.sh            runs 20 clerks twice (the first run also warms the JVM)
#   bench/resident-lookup.sh 20 50      the given numbers of clerks
# Environment: PORT (18081), SECONDS_PER_RUN (60), SKIP_BUILD=1 to reuse the built jars.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 20 20
port=${PORT:-18081}
password="Load-test-$(date +%s)-$RANDOM"
data=$(mktemp -d)
if [ "${SKIP_BUILD:-}" != 1 ]; then
	./mvnw -B -q -ntp -Pbench -DskipTests install
fi
java server/src/test/java/jp/madoguchi/residentrecord/simulator/ResidentSnapshotGenerator.java \
	--out "$data/residents.jsonl" --today "$(date +%F)"
MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD=$password java -jar server/target/madoguchi-server.jar \
	--server.port="$port" --madoguchi.data-dir="$data" \
	--madoguchi.resident-record.lookup.snapshot="$data/residents.jsonl" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
	if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://localhost:$port/actuator/health', timeout=2)" 2>/dev/null; then
		break
	fi
	sleep 1
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for clerks in "$@"; do
	./mvnw -B -q -ntp -o -Pbench -pl bench gatling:test -Dgatling.simulation=jp.madoguchi.bench.ResidentLookupSimulation \
		-DbaseUrl="http://localhost:$port" -Dusername=admin -Dpassword="$password" -Dclerks="$clerks" \
		-Dseconds="${SECONDS_PER_RUN:-60}" >"$data/gatling-$clerks.log" 2>&1 \
		|| echo "(Gatling reported a failed assertion; see below)"
	report=$(ls -dt bench/target/gatling/*/ | head -1)
	python3 bench/gatling-summary.py "$report" "$clerks" "$(date -u '+%Y-%m-%d %H:%M UTC')"
done
