package io.github.softdelete.demo;

import io.github.softdelete.demo.app.AppDatabase;

/** The application as it ships: {@code mybatis-config.xml}, no plugin, so DELETE erases. */
final class PlainStory {
  private final AppDatabase database;
  private final Printer out;

  PlainStory(AppDatabase database, Printer out) {
    this.database = database;
    this.out = out;
  }

  Outcome run() {
    Outcome outcome = new AppSteps(database, out).run(AppSteps.AS_IS);
    out.conclusion("DELETE erased the attachment, the document and, by ON DELETE CASCADE, its other attachment:"
        + " no way back.");
    return outcome;
  }
}
