package io.github.softdelete.mybatis;

/** One configured value and where it came from, so that an error names the very property to fix. */
record Setting(String origin, String value) {
  static Setting builtIn(String key, String value) {
    return new Setting("property '" + key + "'", value);
  }

  SoftDeleteException error(String reason) {
    return new SoftDeleteException("softdelete: " + origin + " has value '" + value + "': " + reason);
  }
}
