package io.github.softdelete.mybatis.walls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Java source files, and their code without comments and literals, which name nothing. */
final class JavaSources {
  private JavaSources() {}

  /** Every {@code .java} file under {@code root}, build output left out. */
  static List<Path> under(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source of {@code file} with comments, strings, text blocks and character literals blanked out. */
  static String code(Path file) {
    String source;
    try {
      source = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int end = endOfNonCode(source, i);
      if (end > i) {
        code.append(' ');
        i = end;
      } else {
        code.append(source.charAt(i++));
      }
    }
    return code.toString();
  }

  // the index after the comment or literal that starts at i, or i when none does
  private static int endOfNonCode(String s, int i) {
    if (s.startsWith("//", i)) {
      int newline = s.indexOf('\n', i);
      return newline < 0 ? s.length() : newline;
    }
    if (s.startsWith("/*", i)) {
      int close = s.indexOf("*/", i + 2);
      return close < 0 ? s.length() : close + 2;
    }
    if (s.startsWith("\"\"\"", i)) {
      int close = s.indexOf("\"\"\"", i + 3);
      return close < 0 ? s.length() : close + 3;
    }
    char c = s.charAt(i);
    if (c == '"' || c == '\'') {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != c) {
        j += s.charAt(j) == '\\' ? 2 : 1;
      }
      return Math.min(j + 1, s.length());
    }
    return i;
  }
}
