package io.github.softdelete.mybatis.differential;

import static io.github.softdelete.mybatis.differential.TrashCase.spellings;

import java.util.List;

/**
 * The {@code OnlyDeleted} cases: each a trash view with its spellings, and the oracle of the first spelling.
 * The data give every oracle other rows than the default mode and than a view with every table deleted, so a
 * rule that flips a joined table, or none, fails here.
 */
final class TrashCases {
  private TrashCases() {}

  // the entity's deleted rows, and the live views of the others
  private static final String DELETED_ORDERS = "(SELECT * FROM orders WHERE deleted_at IS NOT NULL)";
  private static final String DELETED_ITEMS = "(SELECT * FROM order_items WHERE deleted_at IS NOT NULL)";
  private static final String U = "(SELECT * FROM users WHERE deleted_at IS NULL)";
  private static final String O = "(SELECT * FROM orders WHERE deleted_at IS NULL)";
  private static final String I = "(SELECT * FROM order_items WHERE deleted_at IS NULL)";

  static List<TrashCase> all() {
    return List.of(
        spellings("shouldListDeletedOrdersWithTheirLiveUsersHoweverTheJoinIsSpelt",
            "trashOrdersCommaJoin", "trashOrdersInnerJoin", "trashOrdersParenthesisedJoin",
            "trashOrdersDerivedCommaJoin", "trashOrdersDerivedJoin", "trashOrdersCteJoin")
            .oracle("SELECT o.id AS order_id, u.name AS user_name FROM " + DELETED_ORDERS + " o, " + U + " u"
                + " WHERE u.id = o.user_id"),
        spellings("shouldListDeletedItemsWithLiveOrdersAndUsersHoweverTheThreeTablesAreJoined",
            "trashItemsCommaJoinOfThree", "trashItemsJoinChain", "trashItemsJoinThenComma",
            "trashItemsLeadingParenthesisedJoin", "trashItemsTrailingParenthesisedJoin")
            .oracle("SELECT i.id AS item_id, o.id AS order_id, u.name AS user_name"
                + " FROM " + DELETED_ITEMS + " i, " + O + " o, " + U + " u"
                + " WHERE o.id = i.order_id AND u.id = o.user_id"),
        spellings("shouldTakeTheFirstTableOfEachUnionBranchHoweverTheJoinIsSpelt",
            "trashUnionCommaJoins", "trashUnionJoins")
            .oracle("SELECT o.id AS id, u.name AS label FROM " + DELETED_ORDERS + " o, " + U + " u"
                + " WHERE u.id = o.user_id"
                + " UNION"
                + " SELECT i.id, o.status FROM " + DELETED_ITEMS + " i, " + O + " o WHERE o.id = i.order_id"),
        spellings("shouldGiveTheSameRowsWhenTheEntityAndItsJoinAreWrappedInADerivedTable",
            "trashOrdersWithItemsUnwrapped", "trashOrdersWithItemsDerivedCommaJoin",
            "trashOrdersWithItemsDerivedJoin")
            .oracle("SELECT o.id AS order_id, u.name AS user_name, i.id AS item_id"
                + " FROM " + DELETED_ORDERS + " o JOIN " + U + " u ON u.id = o.user_id"
                + " LEFT JOIN " + I + " i ON i.order_id = o.id"));
  }
}
