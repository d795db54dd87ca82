#!/usr/bin/env bash
# Purge at scale, side by side (issue 18, item 3): rows per second purged from a table of ROWS rows, half of them
# deleted long ago, by softdelete's purge command (with and without archive), by Percona's pt-archiver (MariaDB,
# with and without archive) and by a hand-written loop of batched deletes (both servers), each run on a freshly
# loaded table. After every run the table and the archive are checked: exactly the rows deleted before the
# cut-off are gone, every other row is untouched, and with an archive every purged row is there once with its
# payload; a mismatch exits 1, so a fast run of something wrong cannot pass. Not run by `mvn verify`.
#
#   ROWS=200000 benchmarks/purge.sh            # default 1,000,000 rows; BATCH (default 1000) rows per batch
#   DATABASES="mariadb" TOOLS="softdelete pt-archiver" benchmarks/purge.sh
#   ROWS=1000 TOOLS=wrong benchmarks/purge.sh  # a purge that erases too much: must print MISMATCH and exit 1
#
# Needs: the agent jar (mvn -o -q -B install -DskipTests -pl mybatis-plugin,agent -am), the mariadb and psql
# clients, PostgreSQL and MariaDB on 127.0.0.1 as user root without password, pt-archiver (Debian package
# percona-toolkit; skipped with a note when absent). Uses only the database softdelete_purgebench on each server
# (DB=... to change it), created if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
BATCH=${BATCH:-1000}
DB=${DB:-softdelete_purgebench}
DATABASES=${DATABASES:-"mariadb postgresql"}
TOOLS=${TOOLS:-"softdelete pt-archiver hand-loop"}
T=bench_docs
A=${T}_archive
M2=${M2:-$HOME/.m2/repository}
AGENT_JAR=${AGENT_JAR:-agent/target/softdelete-agent.jar}
MARIADB_DRIVER=$(ls "$M2"/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar | grep -v sources | sort -V | tail -1)
PG_DRIVER=$(ls "$M2"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
[[ -f $AGENT_JAR ]] || { echo "no agent jar: run mvn -o -q -B install -DskipTests -pl mybatis-plugin,agent -am" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results

# Row i: even i deleted 60 days ago (purged), i % 10 = 1 deleted yesterday (kept: after the cut-off), else live.
EXPECT_PURGED=$((ROWS / 2))

my() { mariadb -h127.0.0.1 -P3306 -uroot -N -B "$DB" "$@"; }
export PGOPTIONS="-c client_min_messages=warning"
pg() { psql -h 127.0.0.1 -p 5432 -U root -d "$DB" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }

setup_db() {
  case $1 in
    mariadb) mariadb -h127.0.0.1 -uroot -e "CREATE DATABASE IF NOT EXISTS $DB" ;;
    postgresql)
      if [[ $(psql -h 127.0.0.1 -U root -d test -X -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'") != 1 ]]; then
        psql -h 127.0.0.1 -U root -d test -X -qc "CREATE DATABASE $DB"
      fi ;;
  esac
}

# A fresh table and an empty archive (its columns plus archived_at, keyed by id), loaded in one statement.
load() {
  case $1 in
    mariadb) my >/dev/null <<SQL
DROP TABLE IF EXISTS $T, $A;
CREATE TABLE $T (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, body VARCHAR(255) NOT NULL,
  amount DECIMAL(12,2) NOT NULL, deleted_at DATETIME(6) NULL) ENGINE=InnoDB;
INSERT INTO $T SELECT seq, CONCAT('title ', seq), CONCAT('body of document ', seq, ' ', MD5(seq)), seq % 10000 / 100,
  CASE WHEN seq % 2 = 0 THEN NOW(6) - INTERVAL 60 DAY WHEN seq % 10 = 1 THEN NOW(6) - INTERVAL 1 DAY END
  FROM seq_1_to_$ROWS;
CREATE TABLE $A (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, body VARCHAR(255) NOT NULL,
  amount DECIMAL(12,2) NOT NULL, deleted_at DATETIME(6) NULL, archived_at DATETIME(6) NULL) ENGINE=InnoDB;
ANALYZE TABLE $T;
SQL
    ;;
    postgresql) pg >/dev/null <<SQL
DROP TABLE IF EXISTS $T, $A;
CREATE TABLE $T (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, body VARCHAR(255) NOT NULL,
  amount NUMERIC(12,2) NOT NULL, deleted_at TIMESTAMP NULL);
INSERT INTO $T SELECT i, 'title ' || i, 'body of document ' || i || ' ' || md5(i::text), (i % 10000) / 100.0,
  CASE WHEN i % 2 = 0 THEN LOCALTIMESTAMP - INTERVAL '60 days' WHEN i % 10 = 1 THEN LOCALTIMESTAMP - INTERVAL '1 day' END
  FROM generate_series(1, $ROWS) i;
CREATE TABLE $A (id BIGINT PRIMARY KEY, title VARCHAR(100) NOT NULL, body VARCHAR(255) NOT NULL,
  amount NUMERIC(12,2) NOT NULL, deleted_at TIMESTAMP NULL, archived_at TIMESTAMP NULL);
VACUUM ANALYZE $T;
SQL
    ;;
  esac
}

# count, sum of ids and a checksum of the payload of the rows of a table matching a condition
fingerprint() { # db table condition
  case $1 in
    mariadb) my -e "SELECT COUNT(*), COALESCE(SUM(id),0), COALESCE(SUM(CRC32(CONCAT_WS('|', id, title, body, amount, deleted_at))),0) FROM $2 WHERE $3" ;;
    postgresql) pg -F ' ' -c "SELECT COUNT(*), COALESCE(SUM(id),0), COALESCE(SUM(hashtext(concat_ws('|', id, title, body, amount, deleted_at))::bigint),0) FROM $2 WHERE $3" ;;
  esac | tr '\t' ' '
}

old() { case $1 in mariadb) echo "deleted_at < NOW() - INTERVAL 30 DAY" ;; postgresql) echo "deleted_at < LOCALTIMESTAMP - INTERVAL '30 days'" ;; esac; }

FAILED=0
# prints ok, or MISMATCH with the reasons on stderr
check() { # db tool archive(yes/no): the purged rows are gone (and archived once, with their payload), the rest stay
  local db=$1 tool=$2 archive=$3 left kept arch
  left=$(fingerprint "$db" $T "$(old "$db")")
  kept=$(fingerprint "$db" $T "NOT ($(old "$db")) OR deleted_at IS NULL")
  local problems=()
  [[ $left == "0 0 0" ]] || problems+=("rows deleted before the cut-off still in $T: $left")
  [[ $kept == "$KEPT_BEFORE" ]] || problems+=("other rows changed: before $KEPT_BEFORE, after $kept")
  if [[ $archive == yes ]]; then
    arch=$(fingerprint "$db" $A "1 = 1")
    [[ $arch == "$PURGE_BEFORE" ]] || problems+=("archive holds $arch, expected the purged rows $PURGE_BEFORE")
  else
    arch=$(fingerprint "$db" $A "1 = 1")
    [[ $arch == "0 0 0" ]] || problems+=("archive not empty without archiving: $arch")
  fi
  if ((${#problems[@]})); then
    printf 'MISMATCH %s on %s (archive %s): %s\n' "$tool" "$db" "$archive" "${problems[*]}" >&2
    echo "MISMATCH"
  else
    echo "ok"
  fi
}

softdelete() { # db archive
  local url
  case $1 in
    mariadb) url="jdbc:mariadb://127.0.0.1:3306/$DB?user=root"; cp=$MARIADB_DRIVER ;;
    postgresql) url="jdbc:postgresql://127.0.0.1:5432/$DB?user=root"; cp=$PG_DRIVER ;;
  esac
  local args=(--url "$url" --user root --tables $T --older-than 30d --batch-size "$BATCH")
  [[ $2 == yes ]] && args+=(--archive-suffix _archive)
  /usr/bin/time -f '%M' -o "$WORK/rss" java -cp "$AGENT_JAR:$cp" io.github.softdelete.agent.Main purge "${args[@]}" \
    > "$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }
  tail -1 "$WORK/out" >&2
  echo "$(( $(cat "$WORK/rss") / 1024 ))" > "$WORK/rss_mb"
}

pt_archiver() { # archive (MariaDB only)
  local src="h=127.0.0.1,P=3306,u=root,D=$DB,t=$T"
  local args=(--source "$src" --where "deleted_at < NOW() - INTERVAL 30 DAY" --limit "$BATCH" --commit-each
    --bulk-delete --no-check-charset --no-check-columns --statistics)
  if [[ $1 == yes ]]; then
    # LOAD DATA LOCAL INFILE per chunk; archived_at stays NULL (pt-archiver copies the source's columns)
    args+=(--dest "t=$A,L=1" --bulk-insert)
    args[1]="$src,L=1"
  else
    args+=(--purge)
  fi
  pt-archiver "${args[@]}" > "$WORK/out" 2>&1 || { cat "$WORK/out" >&2; return 1; }
  grep -E '^(SELECT|INSERT|DELETE) ' "$WORK/out" | tr '\n' ' ' >&2; echo >&2
}

hand_loop() { # db archive
  case $1 in
    mariadb)
      # DELETE ... LIMIT until nothing is left, one client per batch, as a cron job's shell loop would
      local n
      while :; do
        if [[ $2 == yes ]]; then
          # the batch's keys, copied then deleted in one transaction
          n=$(my -e "START TRANSACTION;
            CREATE TEMPORARY TABLE b SELECT id FROM $T WHERE $(old mariadb) ORDER BY id LIMIT $BATCH FOR UPDATE;
            INSERT INTO $A SELECT t.*, NOW(6) FROM $T t JOIN b USING (id);
            DELETE t FROM $T t JOIN b USING (id); SELECT ROW_COUNT(); COMMIT;")
        else
          n=$(my -e "DELETE FROM $T WHERE $(old mariadb) ORDER BY id LIMIT $BATCH; SELECT ROW_COUNT();")
        fi
        ((n > 0)) || break
      done ;;
    postgresql)
      # key ranges of 2 x BATCH ids (about BATCH purgeable rows each here), every range its own transaction,
      # the statements streamed into one psql
      local max lo
      max=$(pg -c "SELECT COALESCE(MAX(id), 0) FROM $T")
      for ((lo = 1; lo <= max; lo += 2 * BATCH)); do
        local range="id >= $lo AND id < $((lo + 2 * BATCH)) AND $(old postgresql)"
        if [[ $2 == yes ]]; then
          echo "WITH d AS (DELETE FROM $T WHERE $range RETURNING *) INSERT INTO $A SELECT d.*, LOCALTIMESTAMP FROM d;"
        else
          echo "DELETE FROM $T WHERE $range;"
        fi
      done | pg >/dev/null ;;
  esac
}

# While a purge runs, a second session updates a random live row (id % 10 = 3) every 10 ms, in a loop inside the
# server, and records how long each UPDATE took: a purge that locks live rows makes these wait. PROBE=0: off.
PROBE=${PROBE:-1}
probe_start() { # db
  case $1 in
    mariadb)
      my -e "CREATE TABLE IF NOT EXISTS purgebench_probe (running INT, n INT, mean_us BIGINT, max_us BIGINT);
        DELETE FROM purgebench_probe; INSERT INTO purgebench_probe VALUES (1, NULL, NULL, NULL)"
      my >/dev/null <<SQL &
DELIMITER //
BEGIN NOT ATOMIC
  DECLARE v_n INT DEFAULT 0; DECLARE v_total BIGINT DEFAULT 0; DECLARE v_worst BIGINT DEFAULT 0;
  DECLARE d BIGINT; DECLARE k BIGINT; DECLARE t0 DATETIME(6);
  WHILE (SELECT running FROM purgebench_probe) = 1 DO
    SET k = 3 + 10 * FLOOR(RAND() * ($ROWS DIV 10));
    SET t0 = NOW(6);
    UPDATE $T SET amount = amount WHERE id = k;
    SET d = TIMESTAMPDIFF(MICROSECOND, t0, NOW(6));
    SET v_n = v_n + 1, v_total = v_total + d, v_worst = GREATEST(v_worst, d);
    DO SLEEP(0.01);
  END WHILE;
  UPDATE purgebench_probe SET n = v_n, mean_us = v_total DIV GREATEST(v_n, 1), max_us = v_worst;
END //
SQL
      PROBE_PID=$! ;;
    postgresql)
      pg -c "CREATE TABLE IF NOT EXISTS purgebench_probe (running INT, n INT, mean_us BIGINT, max_us BIGINT);
        DELETE FROM purgebench_probe; INSERT INTO purgebench_probe VALUES (1, NULL, NULL, NULL)"
      # each UPDATE commits at once (COMMIT inside the DO block), so the probe holds no lock between them
      pg >/dev/null <<SQL &
DO \$\$
DECLARE v_n INT := 0; v_total BIGINT := 0; v_worst BIGINT := 0; d BIGINT; t0 TIMESTAMPTZ;
BEGIN
  WHILE (SELECT running FROM purgebench_probe) = 1 LOOP
    t0 := clock_timestamp();
    UPDATE $T SET amount = amount WHERE id = 3 + 10 * floor(random() * ($ROWS / 10))::bigint;
    d := (extract(epoch FROM clock_timestamp() - t0) * 1000000)::bigint;
    v_n := v_n + 1; v_total := v_total + d; v_worst := GREATEST(v_worst, d);
    COMMIT;
    PERFORM pg_sleep(0.01);
  END LOOP;
  UPDATE purgebench_probe SET n = v_n, mean_us = v_total / GREATEST(v_n, 1), max_us = v_worst;
END
\$\$;
SQL
      PROBE_PID=$! ;;
  esac
}
probe_stop() { # db: writes "n mean_ms max_ms" to $WORK/probe (not in a subshell: it waits for the probe)
  case $1 in
    mariadb) my -e "UPDATE purgebench_probe SET running = 0" ;;
    postgresql) pg -c "UPDATE purgebench_probe SET running = 0" ;;
  esac
  wait "$PROBE_PID"
  case $1 in
    mariadb) my -e "SELECT n, ROUND(mean_us / 1000, 1), ROUND(max_us / 1000, 1) FROM purgebench_probe" ;;
    postgresql) pg -F ' ' -c "SELECT n, ROUND(mean_us / 1000.0, 1), ROUND(max_us / 1000.0, 1) FROM purgebench_probe" ;;
  esac | tr '\t' ' ' > "$WORK/probe"
}

run() { # tool db archive
  local tool=$1 db=$2 archive=$3 start end purged result
  load "$db"
  KEPT_BEFORE=$(fingerprint "$db" $T "NOT ($(old "$db")) OR deleted_at IS NULL")
  PURGE_BEFORE=$(fingerprint "$db" $T "$(old "$db")")
  [[ ${PURGE_BEFORE%% *} == "$EXPECT_PURGED" ]] || { echo "load made ${PURGE_BEFORE%% *} old deleted rows, expected $EXPECT_PURGED" >&2; exit 1; }
  echo "== $tool, $db, archive $archive: $ROWS rows, $EXPECT_PURGED to purge" >&2
  rm -f "$WORK/rss_mb"
  [[ $PROBE == 1 ]] && probe_start "$db"
  start=$(now)
  case $tool in
    softdelete) softdelete "$db" "$archive" ;;
    pt-archiver) pt_archiver "$archive" ;;
    hand-loop) hand_loop "$db" "$archive" ;;
    # checks the checks: also erases the rows deleted yesterday, and archives nothing; must report MISMATCH
    wrong) if [[ $db == mariadb ]]; then my -e "DELETE FROM $T WHERE deleted_at IS NOT NULL"; else pg -c "DELETE FROM $T WHERE deleted_at IS NOT NULL"; fi ;;
  esac
  end=$(now)
  local probe="- - -"
  if [[ $PROBE == 1 ]]; then probe_stop "$db"; probe=$(cat "$WORK/probe"); fi
  purged=$(( ${PURGE_BEFORE%% *} - $(fingerprint "$db" $T "$(old "$db")" | cut -d' ' -f1) ))
  result=$(check "$db" "$tool" "$archive")
  [[ $result == ok ]] || FAILED=1
  # the command's fixed cost (JVM start, checks of the table): the same command again, with nothing left to purge
  local idle=-
  if [[ $tool == softdelete ]]; then
    local s2; s2=$(now); softdelete "$db" "$archive" 2>/dev/null; idle=$(awk -v s="$s2" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }')
  fi
  local rss=-
  [[ -f $WORK/rss_mb ]] && rss=$(cat "$WORK/rss_mb")
  read -r pn pmean pmax <<< "$probe"
  awk -v t="$tool" -v d="$db" -v a="$archive" -v p="$purged" -v s="$start" -v e="$end" -v r="$result" -v m="$rss" \
    -v i="$idle" -v pn="$pn" -v pm="$pmean" -v px="$pmax" \
    'BEGIN { printf "| %s | %s | %s | %d | %.1f | %.0f | %s | %s | %s | %s / %s | %s |\n", t, d, a, p, e - s, p / (e - s), i, m, pn, pm, px, r }' | tee -a "$RESULTS" >&2
}

HAVE_PT=yes
command -v pt-archiver >/dev/null || { HAVE_PT=no; echo "pt-archiver not installed (apt-get install -y percona-toolkit): skipped" >&2; }
: > "$RESULTS"
for db in $DATABASES; do
  setup_db "$db"
  for tool in $TOOLS; do
    [[ $tool == pt-archiver && ($db != mariadb || $HAVE_PT == no) ]] && continue
    for archive in yes no; do run "$tool" "$db" "$archive"; done
  done
done

echo
echo "$(date -u +%FT%TZ) $ROWS rows, $EXPECT_PURGED deleted before the cut-off, batches of $BATCH; $(nproc) cores; $(uptime | sed 's/.*load/load/')"
echo
echo "| tool | database | archive | rows purged | seconds | rows/s | of which fixed (s) | JVM max RSS (MB) | live-row updates meanwhile | their mean / max ms | check |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
cat "$RESULTS"
exit $FAILED
