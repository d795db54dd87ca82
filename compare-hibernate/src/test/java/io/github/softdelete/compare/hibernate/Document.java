package io.github.softdelete.compare.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.SoftDelete;

/** An entity on Hibernate's own soft delete: a boolean column {@code deleted}. */
@Entity
@Table(name = "documents")
@SoftDelete
public class Document {
  @Id
  private Long id;
  private String title;

  protected Document() {}

  Document(long id, String title) {
    this.id = id;
    this.title = title;
  }

  String title() {
    return title;
  }
}
