package io.github.softdelete.mybatis;

/** A supplier as an application would name it in the deletedBySupplier property. */
public class FixedUser implements DeletedBySupplier {
  @Override
  public String deletedBy() {
    return "system";
  }
}
