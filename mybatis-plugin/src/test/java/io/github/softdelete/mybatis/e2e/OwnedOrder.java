package io.github.softdelete.mybatis.e2e;

/** An order that refers back to its owner, for circular nested selects. */
public class OwnedOrder {
  private long id;
  private Owner owner;

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public Owner getOwner() {
    return owner;
  }

  public void setOwner(Owner owner) {
    this.owner = owner;
  }
}
