package io.github.softdelete.mybatis.e2e;

import java.io.Serializable;
import java.util.List;

/** A user whose order ids load lazily, and which survives serialization with the load still pending. */
public class SerializableOwner implements Serializable {
  private static final long serialVersionUID = 1L;

  private long id;
  private List<Long> orderIds;

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public List<Long> getOrderIds() {
    return orderIds;
  }

  public void setOrderIds(List<Long> orderIds) {
    this.orderIds = orderIds;
  }
}
