#!/usr/bin/env bash
# Start-up time the agent adds: median wall-clock time of whole runs of a fixture application, with and without
# -javaagent, runs alternated so that machine load hits both sides alike.
# Usage (after `mvn -B -ntp verify` or `mvn package`): agent/scripts/startup-time.sh [runs] [plain|boot]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
fixture=${2:-plain}
agent=agent/target/softdelete-agent.jar
java=${JAVA:-java}
case "$fixture" in
  plain) app=(-cp "agent-fixtures/plain/target/classes:agent-fixtures/plain/target/lib/*" io.github.softdelete.fixture.plain.PlainApp) ;;
  boot) app=(-jar agent-fixtures/boot/target/softdelete-fixture-boot.jar) ;;
  *) echo "unknown fixture $fixture" >&2; exit 2 ;;
esac

millis() { date +%s%3N; }
time_run() {
  local start end
  start=$(millis)
  "$java" "$@" "${app[@]}" >/dev/null 2>&1
  end=$(millis)
  echo $((end - start))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

time_run >/dev/null; time_run "-javaagent:$agent" >/dev/null   # warm the file cache
without=(); with=()
for ((i = 0; i < runs; i++)); do
  without+=("$(time_run)")
  with+=("$(time_run "-javaagent:$agent")")
done
m0=$(printf '%s\n' "${without[@]}" | median)
m1=$(printf '%s\n' "${with[@]}" | median)
echo "fixture=$fixture runs=$runs java=$("$java" -version 2>&1 | head -1)"
echo "without agent: median ${m0} ms (${without[*]})"
echo "with agent:    median ${m1} ms (${with[*]})"
echo "added:         $((m1 - m0)) ms"
