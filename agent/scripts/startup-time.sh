#!/usr/bin/env bash
# Start-up time the agent adds: median wall-clock time, and median CPU time (user + sys, less sensitive to other
# load on the machine), of whole runs of a fixture application with and without -javaagent; runs alternate so
# that machine load hits both sides alike.
# Usage (after `mvn -B -ntp verify` or `mvn package`): agent/scripts/startup-time.sh [runs] [plain|boot|hello]
#   plain: the plain MyBatis fixture (builds a SqlSessionFactory, runs 5 statements on H2)
#   boot:  the Spring Boot fixture jar
#   hello: a class that prints one line (no MyBatis): the cost of the agent's own start
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-11}
fixture=${2:-plain}
agent=agent/target/softdelete-agent.jar
java=${JAVA:-java}
case "$fixture" in
  plain) app=(-cp "agent-fixtures/plain/target/classes:agent-fixtures/plain/target/lib/*" io.github.softdelete.fixture.plain.PlainApp) ;;
  boot) app=(-jar agent-fixtures/boot/target/softdelete-fixture-boot.jar) ;;
  hello)
    hello=$(mktemp -d)
    trap 'rm -rf "$hello"' EXIT
    echo 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }' > "$hello/Hello.java"
    "$(dirname "$(command -v "$java")")/javac" -d "$hello" "$hello/Hello.java"
    app=(-cp "$hello" Hello) ;;
  *) echo "unknown fixture $fixture" >&2; exit 2 ;;
esac

# prints "<wall ms> <cpu ms>"
time_run() {
  local TIMEFORMAT='%3R %3U %3S' t
  t=$( { time "$java" "$@" "${app[@]}" >/dev/null 2>&1; } 2>&1 )
  echo "$t" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

time_run >/dev/null; time_run "-javaagent:$agent" >/dev/null   # warm the file cache
without=(); with=(); without_cpu=(); with_cpu=()
for ((i = 0; i < runs; i++)); do
  read -r wall cpu < <(time_run); without+=("$wall"); without_cpu+=("$cpu")
  read -r wall cpu < <(time_run "-javaagent:$agent"); with+=("$wall"); with_cpu+=("$cpu")
done
m0=$(printf '%s\n' "${without[@]}" | median); c0=$(printf '%s\n' "${without_cpu[@]}" | median)
m1=$(printf '%s\n' "${with[@]}" | median); c1=$(printf '%s\n' "${with_cpu[@]}" | median)
echo "fixture=$fixture runs=$runs java=$("$java" -version 2>&1 | head -1) cores=$(nproc) load=$(cut -d' ' -f1 /proc/loadavg)"
echo "without agent: wall median ${m0} ms, cpu median ${c0} ms"
echo "with agent:    wall median ${m1} ms, cpu median ${c1} ms"
echo "added:         wall $((m1 - m0)) ms, cpu $((c1 - c0)) ms"
