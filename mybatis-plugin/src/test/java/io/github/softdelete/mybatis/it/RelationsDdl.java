package io.github.softdelete.mybatis.it;

import java.util.List;

/** The schema of {@link RelationsServerSuite}, in the timestamp type of each database. */
final class RelationsDdl {
  private RelationsDdl() {}

  static List<String> of(String createSchema, String timestamp, String schema) {
    String s = schema + ".";
    return List.of(createSchema,
        "CREATE TABLE " + s + "documents (id INT PRIMARY KEY, deleted_at " + timestamp + " NULL)",
        "CREATE TABLE " + s + "notes (id INT PRIMARY KEY, document_id INT NOT NULL, deleted_at " + timestamp
            + " NULL, CONSTRAINT notes_document FOREIGN KEY (document_id) REFERENCES " + s + "documents (id)"
            + " ON DELETE CASCADE)",
        "CREATE TABLE " + s + "labels (id INT PRIMARY KEY, document_id INT NULL, deleted_at " + timestamp
            + " NULL, CONSTRAINT labels_document FOREIGN KEY (document_id) REFERENCES " + s + "documents (id)"
            + " ON DELETE SET NULL)",
        "CREATE TABLE " + s + "attachments (id INT PRIMARY KEY, document_id INT NOT NULL, deleted_at " + timestamp
            + " NULL, CONSTRAINT attachments_document FOREIGN KEY (document_id) REFERENCES " + s + "documents (id)"
            + " ON DELETE RESTRICT)",
        "CREATE TABLE " + s + "categories (id INT PRIMARY KEY, parent_id INT NULL, deleted_at " + timestamp
            + " NULL, CONSTRAINT categories_parent FOREIGN KEY (parent_id) REFERENCES " + s + "categories (id))");
  }

  static String selfCascade(String timestamp, String schema) {
    return "CREATE TABLE " + schema + ".folders (id INT PRIMARY KEY, parent_id INT NULL, deleted_at " + timestamp
        + " NULL, CONSTRAINT folders_parent FOREIGN KEY (parent_id) REFERENCES " + schema + ".folders (id)"
        + " ON DELETE CASCADE)";
  }
}
