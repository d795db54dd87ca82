package io.github.softdelete.mybatis.purge;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a retention period: {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, or ISO-8601 ({@code P30D}). */
final class Retention {
  private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([dhms])");

  private Retention() {}

  static Optional<Duration> parse(String text) {
    String value = text.strip();
    Matcher m = SHORT.matcher(value);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return Optional.of(switch (m.group(2)) {
        case "d" -> Duration.ofDays(amount);
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofSeconds(amount);
      });
    }
    try {
      Duration duration = Duration.parse(value);
      return duration.isNegative() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
