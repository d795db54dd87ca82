package io.github.softdelete.mybatis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.ibatis.logging.LogFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The records one logger receives during each test, with MyBatis logging routed to java.util.logging:
 * {@code @RegisterExtension final LogCapture logs = LogCapture.of("io.github.softdelete...")}. The logger's
 * level is put back after each test.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level levelBefore;

  private LogCapture(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
  }

  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LogFactory.useJdkLogging();
    levelBefore = logger.getLevel();
    logger.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(handler);
    logger.setLevel(levelBefore);
    records.clear();
  }

  /** Lets the logger pass {@code level} and above for the rest of the test. */
  public void level(Level level) {
    logger.setLevel(level);
  }

  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  public List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }

  /** The records at WARNING or above. */
  public List<LogRecord> warnings() {
    return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
  }
}
