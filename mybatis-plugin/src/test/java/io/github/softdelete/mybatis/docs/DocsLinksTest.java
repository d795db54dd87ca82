package io.github.softdelete.mybatis.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md and docs/*.md link only to files and headings that exist, and README lists every docs page. */
class DocsLinksTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void shouldLeadEveryLinkOfTheReadmeAndTheDocsToAFileAndHeadingThatExist() throws IOException {
    List<String> broken = pages().flatMap(page -> DocsLinks.broken(page).stream()).toList();

    assertThat(broken).isEmpty();
  }

  @Test
  void shouldListEveryDocsPageInTheReadme() throws IOException {
    List<String> linked = DocsLinks.links(ROOT.resolve("README.md"));

    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      assertThat(docs.map(page -> "docs/" + page.getFileName())).isNotEmpty().allSatisfy(
          page -> assertThat(linked).as("README's links").contains(page));
    }
  }

  @Test
  void shouldReportAMissingFileAndAMissingAnchor(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.md"), String.join("\n", "# A page", "", "## What is refused, and why", "",
        "[ok](#what-is-refused-and-why) [ok](b.md#limits-of-b_2) [gone](c.md) [wrong](b.md#limits)",
        "[repeated](b.md#faq-1) [only once](b.md#notes-1) [url](https://example.com/#x)", "```",
        "[in code](missing.md)", "```"));
    Files.writeString(dir.resolve("b.md"), String.join("\n", "# B", "## Limits of `b_2`", "## FAQ", "## FAQ",
        "## Notes", "```", "## Notes", "```"));

    assertThat(DocsLinks.broken(dir.resolve("a.md"))).containsExactly(
        dir.resolve("a.md") + ": c.md: no such file " + dir.resolve("c.md"),
        dir.resolve("a.md") + ": b.md#limits: no heading of " + dir.resolve("b.md") + " makes that anchor",
        dir.resolve("a.md") + ": b.md#notes-1: no heading of " + dir.resolve("b.md") + " makes that anchor");
  }

  private static Stream<Path> pages() throws IOException {
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      return Stream.concat(Stream.of(ROOT.resolve("README.md")),
          docs.filter(page -> page.toString().endsWith(".md")).sorted().toList().stream());
    }
  }
}
