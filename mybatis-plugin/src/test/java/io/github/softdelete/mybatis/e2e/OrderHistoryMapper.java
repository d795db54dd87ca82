package io.github.softdelete.mybatis.e2e;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** An order history (OrderHistoryMapper.xml, on table-scope.sql): each line {@code <order id>:<product name>}. */
public interface OrderHistoryMapper {
  List<String> history();

  /** Dynamic SQL: the same history, of orders of at least {@code minimum} items ({@code null}: all). */
  List<String> historyOfAtLeast(@Param("minimum") Integer minimum);

  List<String> productNames();

  int renameProduct(@Param("id") long id, @Param("name") String name);

  int renameProductDynamically(@Param("id") long id, @Param("name") String name);

  int deleteProduct(long id);

  /** An UPDATE of orders whose subquery reads products. */
  int cancelOrdersOfProductNamed(String name);
}
