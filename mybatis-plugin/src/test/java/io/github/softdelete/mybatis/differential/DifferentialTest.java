package io.github.softdelete.mybatis.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential check on H2, through the XML configurations exactly as written (their environment is this
 * in-memory database); also the checks of the cases themselves, which need no server.
 */
class DifferentialTest extends DifferentialSuite {

  /** The same database as in both {@code mybatis-config*.xml}. */
  private final ServerSchema schema = ServerSchema.h2("softdelete_differential");

  @Override
  ServerSchema schema() {
    return schema;
  }

  @Override
  DataSource dataSource() {
    return null;
  }

  @Override
  List<String> expectedExclusions() {
    return List.of(
        "shouldNullExtendBothSidesOfFullJoinOverLiveRows",
        "shouldPickLatestLiveMatchingOrderPerUserWithDistinctOnIlikeAndCast",
        "shouldPickLargestLiveOrderPerLiveUserInLeftJoinLateral",
        "shouldFilterBothSidesOfStraightJoin");
  }

  @Test
  void shouldCoverAtLeastFortyDiscriminatingShapesEachNamedOnceWithAnOracle() {
    // given
    List<DifferentialCase> all = DifferentialCases.all();

    // then
    assertThat(all).filteredOn(DifferentialCase::discriminating).hasSizeGreaterThanOrEqualTo(40);
    assertThat(all).extracting(DifferentialCase::name).doesNotHaveDuplicates();
    assertThat(all).allSatisfy(shape -> assertThat(shape.oracleSql()).as(shape.name()).isNotBlank());
  }

  /**
   * Guards the hand-written oracles against typos: with each live view put back to its table name, an oracle
   * reads exactly as the SQL MyBatis renders for the mapped statement, and binds the same values.
   */
  /** Every case, also those H2 cannot run: their oracles are text, checked here once for all servers. */
  static Stream<DifferentialCase> allCases() {
    return DifferentialCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void shouldWriteTheOracleAsTheMappedQueryOverLiveViews(DifferentialCase shape) {
    // given
    RawQuery raw = RawQuery.of(shape.statementId(), shape.params());

    // when
    String oracleWithTablesPutBack = LIVE_VIEW.matcher(shape.oracleSql()).replaceAll("$1");

    // then
    assertThat(normalised(oracleWithTablesPutBack)).isEqualTo(normalised(raw.sql()));
    assertThat(shape.oracleArgs()).isEqualTo(raw.args());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trashCases")
  void shouldWriteTheTrashOracleAsItsFirstSpellingOverDeletedAndLiveViews(TrashCase trash) {
    // given
    RawQuery raw = RawQuery.of(trash.statementIds().get(0), Map.of());

    // when
    String oracleWithTablesPutBack = VIEW.matcher(trash.oracleSql()).replaceAll("$1");

    // then
    assertThat(normalised(oracleWithTablesPutBack)).isEqualTo(normalised(raw.sql()));
    assertThat(trash.oracleSql()).as("an entity reads deleted rows").contains("deleted_at IS NOT NULL");
  }

  /** A live or a deleted view. */
  private static final Pattern VIEW = Pattern.compile("\\(SELECT \\* FROM (\\S+) WHERE deleted_at IS (?:NOT )?NULL\\)");

  /** A live view, with the alias that only repeats the table name (given to an unaliased reference). */
  private static final Pattern LIVE_VIEW =
      Pattern.compile("\\(SELECT \\* FROM (\\S+) WHERE deleted_at IS NULL\\)(?: \\1(?=[\\s),]|$))?");

  /** Whitespace differences only: line breaks and indentation of the XML, spaces MyBatis puts around lists. */
  private static String normalised(String sql) {
    return sql.strip().replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
  }
}
