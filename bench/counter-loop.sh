#!/usr/bin/env bash
# The counter loop of issue 6 (Gatling, bench/…/CounterLoopSimulation) against a freshly
# started server jar with its embedded PostgreSQL. Prints one line per run with the
# figures docs/performance.md records, and the per-request percentiles.
#   bench/counter-loop.sh            runs 50, 50 (warm) and 500 terminals, 60 s each
#   bench/counter-loop.sh 50 200     the given terminal counts
# Environment: PORT (18080), SECONDS_PER_RUN (60), SKIP_BUILD=1 to reuse the built jars.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- 50 50 500
port=${PORT:-18080}
password="Load-test-$(date +%s)-$RANDOM"
data=$(mktemp -d)
if [ "${SKIP_BUILD:-}" != 1 ]; then
	./mvnw -B -q -ntp -Pbench -DskipTests install
fi
MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD=$password java -jar server/target/madoguchi-server.jar \
	--server.port="$port" --madoguchi.data-dir="$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
	if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://localhost:$port/actuator/health', timeout=2)" 2>/dev/null; then
		break
	fi
	sleep 1
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for terminals in "$@"; do
	./mvnw -B -q -ntp -o -Pbench -pl bench gatling:test -DbaseUrl="http://localhost:$port" -Dusername=admin \
		-Dpassword="$password" -Dterminals="$terminals" -Dseconds="${SECONDS_PER_RUN:-60}" >"$data/gatling-$terminals.log" 2>&1 \
		|| echo "(Gatling reported a failed assertion; see below)"
	report=$(ls -dt bench/target/gatling/*/ | head -1)
	python3 bench/gatling-summary.py "$report" "$terminals" "$(date -u '+%Y-%m-%d %H:%M UTC')"
done
