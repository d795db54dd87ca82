package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;

/** The application as it ships: {@code mybatis-config.xml}, no plugin, so DELETE erases. */
final class PlainStory {
  static final String CONFIG = "mybatis-config.xml";

  private final AppDatabase database;
  private final Printer out;

  PlainStory(AppDatabase database, Printer out) {
    this.database = database;
    this.out = out;
  }

  Outcome run() {
    out.title("plain: " + CONFIG + ", no plugin");
    Outcome outcome = new AppSteps(database, out).run();
    out.conclusion("DELETE erased the document and, by ON DELETE CASCADE, its attachments: no way back.");
    return outcome;
  }
}
