package io.github.softdelete.mybatis.e2e;

/** Parameter of {@link OrderMapper#insert}; MyBatis fills in {@code id} from the {@code <selectKey>}. */
public class NewOrder {
  private Long id;
  private long userId;
  private int amount;

  public NewOrder(long userId, int amount) {
    this.userId = userId;
    this.amount = amount;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long getUserId() {
    return userId;
  }

  public int getAmount() {
    return amount;
  }
}
