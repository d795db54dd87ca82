package io.github.softdelete.compare.flex;

import com.mybatisflex.annotation.Column;
import com.mybatisflex.annotation.Id;
import com.mybatisflex.annotation.Table;

/** An entity on MyBatis-Flex's own logic delete: {@code deleted} is 0 for live rows, 1 for deleted ones. */
@Table("members")
public class Member {
  @Id
  private Long id;
  private String name;
  @Column(isLogicDelete = true)
  private Integer deleted;

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

  public Integer getDeleted() {
    return deleted;
  }

  public void setDeleted(Integer deleted) {
    this.deleted = deleted;
  }
}
