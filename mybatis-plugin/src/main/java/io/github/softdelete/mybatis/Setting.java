package io.github.softdelete.mybatis;

/** One configured value and where it came from, so that an error names the very property to fix. */
record Setting(String origin, String value) {
  static Setting builtIn(String key, String value) {
    return new Setting("property '" + key + "'", value);
  }

  /** A {@link SoftDeleteException} (see {@link ConfigErrors}) naming the property, its value and the reason. */
  RuntimeException error(String reason) {
    return ConfigErrors.of("softdelete: " + origin + " has value '" + value + "': " + reason);
  }
}
