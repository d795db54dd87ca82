package io.github.softdelete.benchmarks;

import io.github.softdelete.mybatis.SoftDeleteMode;
import io.github.softdelete.mybatis.engine.EngineFactory;
import io.github.softdelete.mybatis.engine.RewriteCache;
import io.github.softdelete.mybatis.rewrite.Dialect;
import io.github.softdelete.mybatis.rewrite.RewriteResult;
import io.github.softdelete.mybatis.rewrite.SqlRewriter;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cold cost of the foreach join with an IN-list of {@code items} placeholders: the engine's whole rewrite
 * of the text, one JSqlParser parse of it, and a miss of the rewrite cache (the engine as the interceptor
 * uses it) for a text it has not kept whose shape it has: the calls cycle through 256 lengths from
 * {@code items} on (3 at least, the shortest list a shape cuts) with room for 16 texts, so that at most one call in 16 can hit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class ColdInListBenchmark {
  private static final int LENGTHS = 256;

  @Param({"1", "10", "100", "1000"})
  public int items;

  private SqlRewriter rewriter;
  private RewriteCache cache;
  private String sql;
  private String[] cycled;
  private int next;

  @Setup
  public void setUp() {
    EngineFactory engines = EngineFactory.of("tables", "users:orders", "cacheSize", "16");
    rewriter = engines.rewriterWithoutDatabase(Dialect.H2);
    cache = engines.cache(rewriter, RewriteCache.Notes.NONE);
    sql = join(items);
    cycled = new String[LENGTHS];
    for (int i = 0; i < LENGTHS; i++) {
      cycled[i] = join(Math.max(3, items) + i);
      RewriteResult grown = cache.resultFor("bench", cycled[i], SoftDeleteMode.DEFAULT);
      if (!grown.sql().equals(rewriter.rewrite(cycled[i], SoftDeleteMode.DEFAULT).sql())) {
        throw new IllegalStateException("the cache's rewrite differs from the engine's: " + cycled[i]);
      }
    }
  }

  @Benchmark
  public String softdeleteRewrite() {
    return rewriter.rewrite(sql, SoftDeleteMode.DEFAULT).sql();
  }

  @Benchmark
  public Statements jsqlparserParse() throws ParseException {
    return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
  }

  @Benchmark
  public RewriteResult cacheMissOfAKnownShape() {
    // a new String each time: a text the cache has not kept (its hash not yet computed, as MyBatis's is not)
    return cache.resultFor("bench", new String(cycled[next++ % LENGTHS]), SoftDeleteMode.DEFAULT);
  }

  private static String join(int items) {
    return "SELECT u.id AS user_id, u.name, o.id AS order_id, o.amount FROM users u LEFT JOIN orders o"
        + " ON o.user_id = u.id WHERE u.id IN ("
        + IntStream.range(0, items).mapToObj(i -> "?").collect(Collectors.joining(",")) + ") ORDER BY o.id";
  }
}
