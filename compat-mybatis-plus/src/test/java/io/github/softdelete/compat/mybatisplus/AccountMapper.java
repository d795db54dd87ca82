package io.github.softdelete.compat.mybatisplus;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Select;

/** MyBatis-Plus's generated statements on accounts, and statements the application writes over two tables. */
public interface AccountMapper extends BaseMapper<Account> {
  @Select("SELECT a.name FROM accounts a JOIN invoices i ON i.account_id = a.id ORDER BY i.id")
  List<String> invoicedNames();

  @Select("SELECT name FROM accounts WHERE id IN (SELECT account_id FROM invoices) ORDER BY id")
  List<String> namesWithInvoices();

  @Delete("DELETE FROM invoices WHERE account_id = #{accountId}")
  int deleteInvoicesOf(long accountId);
}
