package io.github.softdelete.mybatis.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Comments put into a generated statement, as applications write them: a leading routing hint, tags between
 * tokens, {@code --} lines, a trailing line. They change no row, so the case's oracle still holds; what they
 * test is that every rewrite keeps them where they cannot break the statement. Chosen from the seed, apart
 * from the generator's own random numbers, so that the statement itself is the one the seed always gives.
 */
final class SprinkledComments {
  private static final long SALT = 0x5eed_c0_77e17L;

  private SprinkledComments() {}

  /** Whether the case of {@code seed} carries comments: every other one, so that most SQL stays plain too. */
  static boolean chosen(long seed) {
    return seed % 2 == 1;
  }

  static String into(String sql, long seed) {
    Random random = new Random(seed ^ SALT);
    List<Integer> spaces = spacesOutsideQuotes(sql);
    StringBuilder out = new StringBuilder(sql.length() + 64);
    if (random.nextBoolean()) {
      out.append(random.nextBoolean() ? "/*slave*/ " : "-- route: replica\n");
    }
    int next = 0;
    int comments = 0;
    for (int space : spaces) {
      out.append(sql, next, space);
      next = space;
      if (comments < 3 && random.nextInt(Math.max(1, spaces.size() / 3)) == 0) {
        comments++;
        out.append(random.nextBoolean() ? " /* tag:" + comments + " */" : " -- line " + comments + "\n");
      }
    }
    out.append(sql, next, sql.length());
    if (random.nextBoolean()) {
      out.append(" -- end");
    }
    return out.toString();
  }

  // the positions of whitespace that is not inside a quoted string or name
  private static List<Integer> spacesOutsideQuotes(String sql) {
    List<Integer> spaces = new ArrayList<>();
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (Character.isWhitespace(c)) {
        spaces.add(i);
      }
    }
    return spaces;
  }
}
