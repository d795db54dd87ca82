package io.github.softdelete.mybatis.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown pages that lead nowhere: a missing file, or a {@code #anchor} that no heading
 * of the target page makes under GitHub's rules (lower case, spaces to '-', punctuation other than '-' and '_'
 * dropped, a repeated heading gets "-1", "-2"...). Code blocks are skipped: their '#' lines are not headings.
 */
final class DocsLinks {

  private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.*?) *#*$");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private DocsLinks() {
  }

  /** Each broken link of {@code page}, as "page: target: reason". */
  static List<String> broken(Path page) {
    List<String> problems = new ArrayList<>();
    for (String target : links(page)) {
      if (SCHEME.matcher(target).find()) {
        continue; // an absolute URL: not this repository's to check
      }
      int hash = target.indexOf('#');
      String file = hash < 0 ? target : target.substring(0, hash);
      Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
      if (!Files.exists(resolved)) {
        problems.add(page + ": " + target + ": no such file " + resolved);
      } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
        problems.add(page + ": " + target + ": no heading of " + resolved + " makes that anchor");
      }
    }
    return problems;
  }

  /** The link targets written outside code blocks. */
  static List<String> links(Path page) {
    List<String> targets = new ArrayList<>();
    for (String line : linesOutsideCode(page)) {
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        targets.add(link.group(1));
      }
    }
    return targets;
  }

  static Set<String> anchors(Path page) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : linesOutsideCode(page)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int before = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(before == 0 ? slug : slug + "-" + before);
      }
    }
    return anchors;
  }

  static String slug(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
  }

  private static List<String> linesOutsideCode(Path page) {
    List<String> lines = new ArrayList<>();
    boolean inCode = false;
    try {
      for (String line : Files.readAllLines(page)) {
        if (line.startsWith("```")) {
          inCode = !inCode;
        } else if (!inCode) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
