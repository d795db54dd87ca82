package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;

/**
 * Entry point. Argument (or {@code -Ddemo.mode}): {@code plain}, {@code interceptor}, or nothing for both,
 * plain first so that the contrast shows.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : System.getProperty("demo.mode", "both");
    Printer out = new Printer(System.out);
    switch (mode) {
      case "plain" -> plain(out);
      case "interceptor" -> interceptor(out);
      case "both" -> {
        plain(out);
        interceptor(out);
      }
      default -> {
        System.err.println("usage: Demo [plain|interceptor]   (no argument: both, plain first); got '" + mode + "'");
        System.exit(2);
      }
    }
  }

  static Outcome plain(Printer out) {
    return new PlainStory(AppDatabase.create(PlainStory.CONFIG), out).run();
  }

  static SoftDeleteStory.Result interceptor(Printer out) {
    return new SoftDeleteStory(AppDatabase.create(SoftDeleteStory.CONFIG), out).run();
  }
}
