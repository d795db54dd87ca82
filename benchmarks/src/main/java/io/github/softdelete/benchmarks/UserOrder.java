package io.github.softdelete.benchmarks;

/** One row of the join: a user and one of their orders (null order columns when they have none). */
public class UserOrder {
  private Long userId;
  private String name;
  private Long orderId;
  private Integer amount;

  public Long getUserId() {
    return userId;
  }

  public void setUserId(Long userId) {
    this.userId = userId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getOrderId() {
    return orderId;
  }

  public void setOrderId(Long orderId) {
    this.orderId = orderId;
  }

  public Integer getAmount() {
    return amount;
  }

  public void setAmount(Integer amount) {
    this.amount = amount;
  }
}
