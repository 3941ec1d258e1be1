#!/usr/bin/env bash
# Time to healthy (docs/performance.md, Start-up): starts the server RUNS times (default 3) and
# prints, for each start, the wall time from launching it until GET /actuator/health answers
# {"status":"UP"}, the CPU time of the Java process then, the load average at that moment, the
# time the stop took (SIGTERM until the process exited; a recording start of bin/start writes its
# archive or cache then) and the Java version. Each server is stopped before the next one starts.
#
#   SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/madoguchi SPRING_DATASOURCE_USERNAME=… \
#     bench/start-time.sh 5
#
# With SPRING_DATASOURCE_URL set the figure excludes starting PostgreSQL (an external, already
# running one); without it the embedded PostgreSQL of the data directory starts with each run.
# START_COMMAND: what to start (default bin/start; e.g. "java -jar server/target/madoguchi-server.jar").
# PORT (default 18080), DATA_DIR (default a new directory under /tmp; reuse one to keep the keys
# of a database that already holds data). The first run on an empty database includes the
# migrations and the first administrator.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
data_dir=${DATA_DIR:-$(mktemp -d /tmp/madoguchi-start-time.XXXXXX)}
read -r -a command <<<"${START_COMMAND:-bin/start}"
# bin/start takes the port and data directory from the environment; anything else as arguments.
export PORT=$port MADOGUCHI_DATA_DIR=$data_dir
[ "${command[0]}" = bin/start ] || command+=(--server.port="$port" --madoguchi.data-dir="$data_dir")
export MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD=${MADOGUCHI_BOOTSTRAP_ADMIN_PASSWORD:-start-time-password-1}

for ((run = 1; run <= runs; run++)); do
	log=$data_dir/start-$run.log
	start=$(date +%s%N)
	setsid "${command[@]}" >"$log" 2>&1 &
	pid=$!
	healthy=
	while kill -0 "$pid" 2>/dev/null; do
		if curl -fsS --max-time 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
			healthy=$(date +%s%N)
			break
		fi
		sleep 0.05
	done
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	# CPU time of the server process (all threads) when healthy: less sensitive to other load.
	# bin/start's recording start runs java as its child instead of exec'ing it.
	java_pid=$(pgrep -P "$pid" -x java || echo "$pid")
	java_version=$(sed -n 's/.*Starting .* using Java \([^ ]*\) .*/\1/p' "$log" | head -1)
	cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$java_pid/stat" 2>/dev/null || echo "?")
	stopping=$(date +%s%N)
	kill -TERM -- "-$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	stopped=$(date +%s%N)
	if [ -z "$healthy" ]; then
		echo "run $run: exited before healthy, see $log" >&2
		exit 1
	fi
	printf 'run %d: healthy after %.1f s, %s s CPU (load average %s); stopped in %.1f s (%s)\n' "$run" \
		"$(((healthy - start) / 1000000))e-3" "$cpu" "$load" "$(((stopped - stopping) / 1000000))e-3" "$java_version"
done
echo "data directory: $data_dir"
