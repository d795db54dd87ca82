package io.github.softdelete.benchmarks;

import com.baomidou.mybatisplus.annotation.TableLogic;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;

/** A row of {@code users}; the annotations serve MyBatis-Plus only, plain MyBatis maps it by column name. */
@TableName("users")
public class User {
  private Long id;
  private String name;
  private String email;
  // MyBatis-Plus's logical delete: live when NULL, set to the time on delete
  @TableLogic(value = "null", delval = "CURRENT_TIMESTAMP")
  private LocalDateTime deletedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public LocalDateTime getDeletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(LocalDateTime deletedAt) {
    this.deletedAt = deletedAt;
  }
}
