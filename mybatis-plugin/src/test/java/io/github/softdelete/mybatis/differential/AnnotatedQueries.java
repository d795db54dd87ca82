package io.github.softdelete.mybatis.differential;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The annotation side of the differential test: statements declared with {@code @Select}, as applications do. */
public interface AnnotatedQueries {

  @Select("SELECT o.id AS order_id, i.id AS item_id"
      + " FROM orders o LEFT JOIN order_items i ON i.order_id = o.id"
      + " WHERE o.user_id = #{userId}")
  List<Map<String, Object>> ordersWithItemsOfUser(@Param("userId") int userId);

  @Select("<script>SELECT id, name FROM users WHERE id IN"
      + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach>"
      + "</script>")
  List<Map<String, Object>> usersWithIds(@Param("ids") List<Integer> ids);

  @Select("SELECT p.sku, p.title FROM products p"
      + " WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.sku = p.sku)")
  List<Map<String, Object>> unsoldProducts();

  @Select("WITH spend AS (SELECT user_id, SUM(amount) AS total FROM orders GROUP BY user_id)"
      + " SELECT u.name AS user_name, s.total"
      + " FROM users u LEFT JOIN spend s ON s.user_id = u.id"
      + " WHERE u.manager_id IS NOT NULL")
  List<Map<String, Object>> spendOfManagedUsers();

  @Select("SELECT e.id AS employee_id, e.name AS employee, m.name AS manager"
      + " FROM users e LEFT JOIN users m ON m.id = e.manager_id"
      + " ORDER BY e.id")
  List<Map<String, Object>> employeesWithManagers();

  @Select("SELECT user_id FROM orders WHERE status = #{status} EXCEPT SELECT id FROM users")
  List<Map<String, Object>> buyerIdsWithoutLiveUser(@Param("status") String status);
}
