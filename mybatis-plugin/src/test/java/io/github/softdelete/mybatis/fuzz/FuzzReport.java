package io.github.softdelete.mybatis.fuzz;

import io.github.softdelete.mybatis.SoftDeleteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one run found: cases generated, agreed, refused (never counted as agreed) and failed, with seeds. */
final class FuzzReport {
  private static final int FAILURES_SHOWN = 5;

  private final Dialect dialect;
  private int selects;
  private int selectsDiscriminating;
  private int selectsWithDeletedRows;
  private int selectsRespecting;
  private int selectsAgreed;
  private int dmls;
  private int dmlsTouching;
  private int dmlsAgreed;
  private int upserts;
  private int upsertsReviving;
  private int upsertsAgreed;
  private int merges;
  private int mergesReviving;
  private int mergesMarking;
  private int refusals;
  private int rejectedByDatabase;
  private final Map<String, Long> refusalReasons = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int failureCount;

  FuzzReport(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * @param discriminating deleted rows change the result
   * @param deletedRows the query returns rows under {@code OnlyDeleted}
   */
  void selectGenerated(boolean discriminating, boolean deletedRows) {
    selects++;
    selectsDiscriminating += discriminating ? 1 : 0;
    selectsWithDeletedRows += deletedRows ? 1 : 0;
  }

  /** SELECTs whose {@code OnlyDeleted} oracle returns rows: the cases where that check can catch a leak. */
  int selectsWithDeletedRows() {
    return selectsWithDeletedRows;
  }

  /**
   * A SELECT run with {@code explicitMarker=respect} whose rows change when the references that test their own
   * marker are read as written instead of filtered: a case where respecting the application's SQL matters.
   */
  void selectRespecting() {
    selectsRespecting++;
  }

  int selectsRespecting() {
    return selectsRespecting;
  }

  void selectAgreed() {
    selectsAgreed++;
  }

  void dmlGenerated(boolean touchesRows) {
    dmls++;
    dmlsTouching += touchesRows ? 1 : 0;
  }

  void dmlAgreed() {
    dmlsAgreed++;
  }

  /**
   * @param revives the upsert meets at least one deleted row
   * @param merge it is a MERGE
   */
  void upsertGenerated(boolean revives, boolean merge) {
    upserts++;
    upsertsReviving += revives ? 1 : 0;
    merges += merge ? 1 : 0;
  }

  /** What a MERGE did to the rows: it revived one (an INSERT met its key), it marked one (a DELETE). */
  void mergeChanged(boolean revived, boolean marked) {
    mergesReviving += revived ? 1 : 0;
    mergesMarking += marked ? 1 : 0;
  }

  int merges() {
    return merges;
  }

  int mergesReviving() {
    return mergesReviving;
  }

  int mergesMarking() {
    return mergesMarking;
  }

  void upsertAgreed() {
    upsertsAgreed++;
  }

  void refused(long seed, SoftDeleteException refusal, String sql) {
    refusals++;
    String reason = refusal.getReason();
    if (!refusalReasons.containsKey(reason)) {
      System.out.printf("fuzz %s: seed %d refused (%s)%n  %s%n", dialect, seed, reason, sql);
    }
    refusalReasons.merge(reason, 1L, Long::sum);
  }

  /**
   * The database itself would not run the generated statement or its oracle, before softdelete was involved:
   * neither a pass nor a failure of the interceptor (MariaDB 10.11 calls a qualified column of a merged
   * derived table ambiguous now and then).
   */
  void rejectedByDatabase(long seed, String message, String sql) {
    rejectedByDatabase++;
    System.out.printf("fuzz %s: seed %d rejected by the database before softdelete ran (%s)%n  %s%n", dialect, seed,
        message, sql);
  }

  int rejectedByDatabase() {
    return rejectedByDatabase;
  }

  void fail(long seed, String problem, String app, String oracle) {
    failureCount++;
    if (failures.size() < FAILURES_SHOWN) {
      failures.add("seed " + seed + " (replay: -Dfuzz.seed=" + seed + "): " + problem + "\n  application: " + app
          + "\n  oracle:      " + oracle);
    }
  }

  /** Cases the database could run, whether or not they then agreed. */
  int cases() {
    return selects + dmls + upserts;
  }

  int refusals() {
    return refusals;
  }

  int failureCount() {
    return failureCount;
  }

  String failures() {
    return String.join("\n", failures) + (failureCount > failures.size()
        ? "\n... and " + (failureCount - failures.size()) + " more" : "");
  }

  @Override
  public String toString() {
    return String.format("fuzz %s: %d SELECTs generated (%d where deleted rows change the result, %d returning"
            + " rows under OnlyDeleted, %d where explicitMarker=respect changes the result), %d agreed with the oracle, under IncludeDeleted and under OnlyDeleted;"
            + " %d DELETE/UPDATE generated (%d touching rows), %d agreed; %d upserts generated (%d meeting"
            + " deleted rows; %d of them MERGE, %d reviving and %d marking rows), %d agreed;"
            + " %d refused by softdelete %s;"
            + " %d rejected by the database itself; %d failed",
        dialect, selects, selectsDiscriminating, selectsWithDeletedRows, selectsRespecting, selectsAgreed, dmls, dmlsTouching,
        dmlsAgreed, upserts, upsertsReviving, merges, mergesReviving, mergesMarking, upsertsAgreed, refusals,
        refusalReasons.isEmpty() ? "" : refusalReasons.toString(), rejectedByDatabase, failureCount);
  }
}
