package io.github.softdelete.compat.mybatisplus;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A tenant's account; the tenant column is MyBatis-Plus's tenant interceptor's to fill and filter. */
@TableName("accounts")
public class Account {
  @TableId(type = IdType.INPUT)
  private Long id;
  private String name;

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
}
