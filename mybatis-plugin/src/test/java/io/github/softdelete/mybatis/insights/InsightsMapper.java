package io.github.softdelete.mybatis.insights;

import java.util.List;
import org.apache.ibatis.annotations.Select;

/** The recipe as an application would map it: no marker in the SQL, {@code OnlyDeleted} around the call. */
public interface InsightsMapper {
  /** One row per day: {@code deleted_on|deletions}. */
  @Select("SELECT CAST(deleted_at AS DATE) AS deleted_on, COUNT(*) AS deletions FROM documents"
      + " GROUP BY CAST(deleted_at AS DATE) ORDER BY deleted_on")
  List<DayCount> deletionsPerDay();

  /** A day and the rows deleted on it. */
  record DayCount(java.sql.Date deletedOn, long deletions) {}
}
