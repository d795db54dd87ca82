package io.github.softdelete.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code IncludeDeleted.tables(...)} as a value and a scope, without MyBatis. */
class IncludeDeletedTablesTest {

  @AfterEach
  void nothingLeftBehind() {
    assertThat(IncludeDeleted.currentTables().isEmpty()).isTrue();
  }

  @Test
  void shouldKeepNamesUnquotedInLowerCaseInOrderAndWithoutDuplicates() {
    IncludeDeleted.Tables tables = IncludeDeleted.tables("Products", " shop.\"Categories\" ", "`PRODUCTS`");

    assertThat(tables.names()).containsExactly("products", "shop.categories");
    assertThat(tables).isEqualTo(IncludeDeleted.tables("shop.categories", "products"))
        .hasSameHashCodeAs(IncludeDeleted.tables("shop.categories", "products"))
        .hasToString("IncludeDeleted.tables(products, shop.categories)");
    assertThat(tables.isEmpty()).isFalse();
    assertThat(IncludeDeleted.Tables.none().isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "'   '|softdelete: IncludeDeleted.tables(...) was given a blank name among its table names",
      "'order lines'|softdelete: IncludeDeleted.tables(...) was given 'order lines', which is not a table name"
          + " (table or schema.table, each a SQL identifier)",
      "db.shop.products|softdelete: IncludeDeleted.tables(...) was given 'db.shop.products', which is not a table"
          + " name (table or schema.table, each a SQL identifier)",
      "products;|softdelete: IncludeDeleted.tables(...) was given 'products;', which is not a table name"
          + " (table or schema.table, each a SQL identifier)",
      "1products|softdelete: IncludeDeleted.tables(...) was given '1products', which is not a table name"
          + " (table or schema.table, each a SQL identifier)"})
  void shouldRefuseWhatIsNotATableName(String name, String message) {
    assertThatThrownBy(() -> IncludeDeleted.tables("products", name))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void shouldRefuseNullsAndNoNamesAtAll() {
    assertThatThrownBy(() -> IncludeDeleted.tables("products", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("softdelete: IncludeDeleted.tables(...) was given null among its table names");
    assertThatThrownBy(() -> IncludeDeleted.tables((String[]) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("softdelete: IncludeDeleted.tables(...) needs at least one table name");
    assertThatThrownBy(IncludeDeleted::tables).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("softdelete: IncludeDeleted.tables(...) needs at least one table name"
            + " (IncludeDeleted.run(...) shows the deleted rows of every table)");
    assertThatThrownBy(() -> IncludeDeleted.tables("products").run(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("softdelete: the body of an IncludeDeleted.tables(...) scope must not be null");
  }

  @Test
  void shouldTakeAQuotedNameWithASpaceAsOneName() {
    assertThat(IncludeDeleted.tables("\"Order Lines\"").names()).containsExactly("order lines");
  }

  @Test
  void shouldAddUpNestedScopesLeaveTheModeAloneAndRestoreOnException() {
    IncludeDeleted.tables("products").run(() -> {
      assertThat(IncludeDeleted.currentTables().names()).containsExactly("products");
      assertThatThrownBy(() -> IncludeDeleted.tables("orders", "products").run(() -> {
        assertThat(IncludeDeleted.currentTables().names()).containsExactly("orders", "products");
        assertThat(SoftDeleteMode.current()).isEqualTo(SoftDeleteMode.DEFAULT);
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      OnlyDeleted.run(() -> assertThat(IncludeDeleted.currentTables().names()).containsExactly("products"));
      assertThat(IncludeDeleted.currentTables().names()).containsExactly("products");
    });
  }

  @Test
  void shouldBeCapturedAndReEnteredBySoftDeleteScopeExactlyAsCaptured() {
    SoftDeleteScope captured = OnlyDeleted.get(() -> IncludeDeleted.tables("products").get(SoftDeleteScope::current));

    String[] seen = CompletableFuture.supplyAsync(captured.wrapSupplier(() -> new String[] {
        SoftDeleteMode.current().name(), IncludeDeleted.currentTables().toString()})).join();
    String inAnotherScope = IncludeDeleted.tables("orders").get(
        () -> captured.get(() -> IncludeDeleted.currentTables().toString()));
    String inNone = IncludeDeleted.tables("orders").get(
        () -> SoftDeleteScope.none().get(() -> IncludeDeleted.currentTables().toString()));

    assertThat(seen).containsExactly("ONLY_DELETED", "IncludeDeleted.tables(products)");
    assertThat(inAnotherScope).isEqualTo("IncludeDeleted.tables(products)");
    assertThat(inNone).isEqualTo("IncludeDeleted.tables()");
    assertThat(captured.tables().names()).containsExactly("products");
    assertThat(captured).hasToString("SoftDeleteScope[ONLY_DELETED, IncludeDeleted.tables(products)]");
    assertThat(SoftDeleteScope.none().tables().isEmpty()).isTrue();
  }
}
