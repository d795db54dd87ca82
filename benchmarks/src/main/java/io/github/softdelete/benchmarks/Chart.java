package io.github.softdelete.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Turns JMH's JSON results into a PNG chart of the call benchmarks, side by side per shape, and a Markdown table
 * of every result with its ratio to the hand-written floor. Runs headless.
 *
 * <p>Arguments: {@code chart.png table.md title results.json...}. Several JSON files are the rounds of one
 * measurement (each variant once per round, so that a machine that slows down over the run slows every variant):
 * each result pools the iterations of all rounds, with JMH's 99.9% confidence interval over them.
 */
public final class Chart {
  private static final Color[] COLORS = {
    new Color(0x4D4D4D), new Color(0xA0A0A0), new Color(0x1B9E77), new Color(0x7570B3), new Color(0xD95F02),
    new Color(0xE6AB02)
  };

  private Chart() {}

  /** One JMH result: benchmark method, parameter, score and error in the result's unit, allocation per op. */
  record Result(String benchmark, String method, String param, double score, double error, String unit,
      double bytesPerOp) {
    /** {@code Class.method}: two benchmarks may have methods of the same name (each storm's {@code storm}). */
    String key() {
      return benchmark + "." + method;
    }
  }

  /** The call benchmarks the chart draws, in this order, each with its heading. */
  private static final Map<String, String> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("SelectBenchmark.pointSelect", "point select, warm");
    GROUPS.put("SelectBenchmark.leftJoinInSubquery", "LEFT JOIN with an IN-subquery, warm");
    GROUPS.put("SelectBenchmark.untouchedSelect", "select of a table that is not soft, warm");
    GROUPS.put("DeleteBenchmark.deleteById", "delete by id, warm");
    GROUPS.put("ForeachStormBenchmark.storm", "foreach storm: the join with IN-lists of 1 to 300 items, fresh caches");
    GROUPS.put("LiteralStormBenchmark.storm", "literal storm: 300 point selects, each id a ${} literal, fresh caches");
    GROUPS.put("ForeachStormBenchmark.firstOfLength", "1,000-item IN-list right after the 999-item one, fresh caches");
    GROUPS.put("ForeachStormBenchmark.warm", "1,000-item IN-list, warm");
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: Chart chart.png table.md title results.json...");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    List<Path> rounds = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      rounds.add(Path.of(args[i]));
    }
    List<Result> results = read(rounds);
    draw(results, Path.of(args[0]), args[2]);
    Files.writeString(Path.of(args[1]), table(results), StandardCharsets.UTF_8);
  }

  /** The results of every round, each benchmark and parameter once, in the order the first round ran them. */
  @SuppressWarnings("unchecked")
  static List<Result> read(List<Path> rounds) throws IOException {
    Map<String, Pooled> pooled = new LinkedHashMap<>();
    for (Path round : rounds) {
      for (Object item : (List<Object>) Json.parse(Files.readString(round, StandardCharsets.UTF_8))) {
        Map<String, Object> run = (Map<String, Object>) item;
        String benchmark = (String) run.get("benchmark");
        Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
        String param = params.isEmpty() ? "" : String.valueOf(params.values().iterator().next());
        Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
        Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
        Map<String, Object> alloc = (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
        Pooled result = pooled.computeIfAbsent(benchmark + "|" + param,
            key -> new Pooled(benchmark, param, (String) primary.get("scoreUnit")));
        result.times.addAll(iterations(primary));
        if (alloc != null) {
          result.bytes.addAll(iterations(alloc));
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (Pooled result : pooled.values()) {
      results.add(result.result());
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private static List<Double> iterations(Map<String, Object> metric) {
    List<Double> values = new ArrayList<>();
    for (Object fork : (List<Object>) metric.get("rawData")) {
      for (Object value : (List<Object>) fork) {
        values.add(number(value));
      }
    }
    return values;
  }

  /** One benchmark and parameter, its iterations from every round. */
  private static final class Pooled {
    final String benchmark;
    final String param;
    final String unit;
    final List<Double> times = new ArrayList<>();
    final List<Double> bytes = new ArrayList<>();

    Pooled(String benchmark, String param, String unit) {
      this.benchmark = benchmark;
      this.param = param;
      this.unit = unit;
    }

    Result result() {
      String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
      double mean = mean(times);
      return new Result(className.substring(className.lastIndexOf('.') + 1),
          benchmark.substring(benchmark.lastIndexOf('.') + 1), param, mean, confidence(times, mean), unit,
          bytes.isEmpty() ? Double.NaN : mean(bytes));
    }

    private static double mean(List<Double> values) {
      double sum = 0;
      for (double value : values) {
        sum += value;
      }
      return sum / values.size();
    }

    // half the 99.9% confidence interval of the mean, as JMH reports it
    private static double confidence(List<Double> values, double mean) {
      if (values.size() < 2) {
        return Double.NaN;
      }
      double squares = 0;
      for (double value : values) {
        squares += (value - mean) * (value - mean);
      }
      double deviation = Math.sqrt(squares / (values.size() - 1));
      double t = new TDistribution(values.size() - 1).inverseCumulativeProbability(0.9995);
      return t * deviation / Math.sqrt(values.size());
    }
  }

  private static double number(Object value) {
    return value instanceof Double d ? d : Double.NaN;
  }

  /**
   * The call benchmarks (those whose parameter is a variant or a storm engine, which share their names), grouped by
   * benchmark method, in the order of {@link #GROUPS}, then any other in the order JMH ran them.
   */
  private static Map<String, List<Result>> calls(List<Result> results) {
    Map<String, List<Result>> byMethod = new LinkedHashMap<>();
    for (String method : GROUPS.keySet()) {
      byMethod.put(method, new ArrayList<>());
    }
    for (Result result : results) {
      if (isVariant(result.param())) {
        byMethod.computeIfAbsent(result.key(), m -> new ArrayList<>()).add(result);
      }
    }
    byMethod.values().removeIf(List::isEmpty);
    byMethod.values().forEach(bars -> bars.sort(Comparator.comparing(bar -> Variant.valueOf(bar.param()))));
    return byMethod;
  }

  // a storm engine's names are variants' names too: the same colours and labels
  private static boolean isVariant(String param) {
    for (Variant variant : Variant.values()) {
      if (variant.name().equals(param)) {
        return true;
      }
    }
    return false;
  }

  static void draw(List<Result> results, Path png, String title) throws IOException {
    Map<String, List<Result>> groups = calls(results);
    int barHeight = 22;
    int gap = 18;
    int left = 330;
    int width = 1100;
    int plotWidth = width - left - 190;
    int height = 90;
    for (List<Result> group : groups.values()) {
      height += group.size() * barHeight + gap + 24;
    }
    height += 40;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(title, 20, 32);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString("time per call through a SqlSession (a storm: all its calls), lower is better; whiskers: the 99.9%"
        + " error, cut at the edges; x = ratio to the floor", 20, 54);
    int y = 80;
    for (Map.Entry<String, List<Result>> group : groups.entrySet()) {
      List<Result> bars = group.getValue();
      double max = 0;
      double floor = Double.NaN;
      for (Result bar : bars) {
        max = Math.max(max, bar.score());
        if (bar.param().equals(Variant.FLOOR.name())) {
          floor = bar.score();
        }
      }
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString(GROUPS.getOrDefault(group.getKey(), group.getKey()) + " (" + bars.get(0).unit() + ")", 20,
          y + 14);
      y += 24;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      for (Result bar : bars) {
        Color color = COLORS[Variant.valueOf(bar.param()).ordinal() % COLORS.length];
        int length = (int) Math.round(bar.score() / max * plotWidth);
        g.setColor(Color.BLACK);
        g.drawString(label(bar), 30, y + barHeight - 7);
        g.setColor(color);
        g.fillRect(left, y + 3, Math.max(1, length), barHeight - 6);
        if (!Double.isNaN(bar.error())) {
          // whiskers wider than the plot (a noisy run) are cut at its edges
          int from = (int) Math.max(0, Math.round((bar.score() - bar.error()) / max * plotWidth));
          int to = (int) Math.min(plotWidth, Math.round((bar.score() + bar.error()) / max * plotWidth));
          g.setColor(Color.BLACK);
          g.setStroke(new BasicStroke(1.5f));
          int mid = y + barHeight / 2;
          g.drawLine(left + from, mid, left + to, mid);
          g.drawLine(left + from, mid - 4, left + from, mid + 4);
          g.drawLine(left + to, mid - 4, left + to, mid + 4);
        }
        g.setColor(Color.BLACK);
        String value = String.format(Locale.ROOT, "%.2f", bar.score())
            + (Double.isNaN(floor) ? "" : String.format(Locale.ROOT, "  (%.2fx)", bar.score() / floor));
        g.drawString(value, left + plotWidth + 12, y + barHeight - 7);
        y += barHeight;
      }
      y += gap;
    }
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(image, "png", png.toFile());
  }

  private static String label(Result result) {
    boolean storm = result.benchmark().contains("Storm");
    return switch (result.param()) {
      case "FLOOR" -> "MyBatis, filter written by hand (floor)";
      case "PLAIN" -> "MyBatis, no filter (reference)";
      case "SOFTDELETE" -> storm ? "softdelete interceptor" : "softdelete interceptor, warm";
      case "MP_LOGIC" -> "MyBatis-Plus @TableLogic";
      case "MP_REWRITE" -> "MyBatis-Plus runtime rewrite";
      case "MP_REWRITE_CACHED" -> "MyBatis-Plus runtime rewrite + parse cache";
      default -> result.param();
    };
  }

  /**
   * The issues' targets, each a ratio of two results of the same run, with its error and whether it is met; rows
   * without a limit are references that put a target in context. A row whose results were not run is left out.
   */
  static String targets(List<Result> results) {
    Targets md = new Targets(results);
    md.call("point select: softdelete / floor <= 1.03", "SelectBenchmark.pointSelect", "SOFTDELETE", "FLOOR", 1.03);
    md.call("join: softdelete / floor <= 1.03", "SelectBenchmark.leftJoinInSubquery", "SOFTDELETE", "FLOOR", 1.03);
    md.call("no soft table: softdelete / plain <= 1.01", "SelectBenchmark.untouchedSelect", "SOFTDELETE", "PLAIN",
        1.01);
    md.call("delete by id: softdelete / hand-written UPDATE <= 1.05", "DeleteBenchmark.deleteById", "SOFTDELETE",
        "FLOOR", 1.05);
    md.atLeast("point select: MyBatis-Plus rewrite / softdelete >= 10", "SelectBenchmark.pointSelect", "MP_REWRITE",
        "SOFTDELETE", 10);
    md.atLeast("join: MyBatis-Plus rewrite / softdelete >= 10", "SelectBenchmark.leftJoinInSubquery", "MP_REWRITE",
        "SOFTDELETE", 10);
    md.atLeast("point select: MyBatis-Plus rewrite + cache / softdelete >= 5", "SelectBenchmark.pointSelect",
        "MP_REWRITE_CACHED", "SOFTDELETE", 5);
    md.atLeast("join: MyBatis-Plus rewrite + cache / softdelete >= 5", "SelectBenchmark.leftJoinInSubquery",
        "MP_REWRITE_CACHED", "SOFTDELETE", 5);
    for (String shape : List.of("POINT", "JOIN", "DELETE")) {
      md.row("cold " + shape + ": softdelete rewrite / one JSqlParser parse <= 1.10",
          md.find("ColdRewriteBenchmark.softdeleteRewrite", shape), md.find("ColdRewriteBenchmark.jsqlparserParse",
              shape), 1.10, true);
    }
    // issue 15: one rewrite per statement shape
    md.call("foreach storm 1..300: softdelete / floor <= 1.10", "ForeachStormBenchmark.storm", "SOFTDELETE", "FLOOR",
        1.10);
    md.call("literal storm 300: softdelete / floor <= 1.30", "LiteralStormBenchmark.storm", "SOFTDELETE", "FLOOR",
        1.30);
    md.row("1,000 items after 999, fresh caches: softdelete / its warm call <= 1.2",
        md.find("ForeachStormBenchmark.firstOfLength", "SOFTDELETE"), md.find("ForeachStormBenchmark.warm",
            "SOFTDELETE"), 1.2, true);
    md.row("(reference) the same for the floor: the database's own first parse of the text",
        md.find("ForeachStormBenchmark.firstOfLength", "FLOOR"), md.find("ForeachStormBenchmark.warm", "FLOOR"),
        Double.NaN, true);
    md.call("(reference) 1,000 items after 999: softdelete / floor", "ForeachStormBenchmark.firstOfLength",
        "SOFTDELETE", "FLOOR", Double.NaN);
    md.call("warm point select: softdelete / floor, no worse than 1.04", "SelectBenchmark.pointSelect", "SOFTDELETE",
        "FLOOR", 1.04);
    md.call("warm join: softdelete / floor, no worse than 1.02", "SelectBenchmark.leftJoinInSubquery", "SOFTDELETE",
        "FLOOR", 1.02);
    md.call("warm no soft table: softdelete / plain, no worse than 1.03", "SelectBenchmark.untouchedSelect",
        "SOFTDELETE", "PLAIN", 1.03);
    for (String storm : List.of("ForeachStormBenchmark.storm", "LiteralStormBenchmark.storm")) {
      String name = storm.startsWith("Foreach") ? "foreach storm" : "literal storm";
      md.call("(reference) " + name + ": MyBatis-Plus rewrite / floor", storm, "MP_REWRITE", "FLOOR", Double.NaN);
      md.call("(reference) " + name + ": MyBatis-Plus rewrite + parse cache / floor", storm, "MP_REWRITE_CACHED",
          "FLOOR", Double.NaN);
    }
    return md.toString();
  }

  /** The rows of the targets' table. */
  private static final class Targets {
    private final List<Result> results;
    private final StringBuilder md = new StringBuilder("| target | ratio | error | met |\n| --- | ---: | ---: | --- |\n");

    Targets(List<Result> results) {
      this.results = results;
    }

    /** The ratio of two variants of one call benchmark ({@code key} is {@code Class.method}), at most the limit. */
    void call(String name, String key, String a, String b, double limit) {
      row(name, find(key, a), find(key, b), limit, true);
    }

    void atLeast(String name, String key, String a, String b, double limit) {
      row(name, find(key, a), find(key, b), limit, false);
    }

    /** The ratio first / second; a NaN limit makes it a reference, with no verdict. */
    void row(String name, Result first, Result second, double limit, boolean atMost) {
      if (first == null || second == null) {
        return;
      }
      double ratio = first.score() / second.score();
      double relative = Math.hypot(first.error() / first.score(), second.error() / second.score());
      double error = ratio * relative;
      String verdict;
      if (Double.isNaN(limit)) {
        verdict = "";
      } else if (Double.isNaN(error)) {
        // one iteration only: no interval to judge by
        verdict = (atMost ? ratio <= limit : ratio >= limit) ? "yes (no error bar)" : "no (no error bar)";
      } else {
        // met or missed only when the whole error bar is on one side of the limit
        double worst = atMost ? ratio + error : ratio - error;
        double best = atMost ? ratio - error : ratio + error;
        verdict = (atMost ? worst <= limit : worst >= limit) ? "yes"
            : (atMost ? best > limit : best < limit) ? "no" : "within error";
      }
      md.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s |%n", name, ratio,
          Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "± %.3f", error), verdict));
    }

    /** The result of {@code key} ({@code Class.method}) with the parameter {@code param}. */
    Result find(String key, String param) {
      for (Result result : results) {
        if (result.key().equals(key) && result.param().equals(param)) {
          return result;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return md.toString();
    }
  }

  static String table(List<Result> results) {
    StringBuilder md = new StringBuilder();
    md.append(targets(results)).append('\n');
    md.append("| benchmark | variant | score | error (99.9%) | x floor | bytes/op |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: |\n");
    Map<String, Double> floors = new LinkedHashMap<>();
    for (Result result : results) {
      if (result.param().equals(Variant.FLOOR.name())) {
        floors.put(result.key(), result.score());
      }
    }
    for (Result result : results) {
      Double floor = floors.get(result.key());
      boolean call = isVariant(result.param());
      md.append("| ").append(result.benchmark()).append('.').append(result.method())
          .append(" | ").append(call ? label(result) : result.param())
          .append(" | ").append(String.format(Locale.ROOT, "%.2f %s", result.score(), result.unit()))
          .append(" | ").append(Double.isNaN(result.error()) ? "n/a" : String.format(Locale.ROOT, "± %.2f",
              result.error()))
          .append(" | ").append(call && floor != null ? String.format(Locale.ROOT, "%.3f", result.score() / floor)
              : "")
          .append(" | ").append(Double.isNaN(result.bytesPerOp()) ? "" : String.format(Locale.ROOT, "%,.0f",
              result.bytesPerOp()))
          .append(" |\n");
    }
    return md.toString();
  }
}
