package io.github.softdelete.mybatis.e2e;

import java.util.List;

/** A user with lazily loaded orders, for nested selects. */
public class Owner {
  private long id;
  private String name;
  private List<OwnedOrder> orders;

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<OwnedOrder> getOrders() {
    return orders;
  }

  public void setOrders(List<OwnedOrder> orders) {
    this.orders = orders;
  }
}
