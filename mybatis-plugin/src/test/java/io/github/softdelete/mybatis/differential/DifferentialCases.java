package io.github.softdelete.mybatis.differential;

import static io.github.softdelete.mybatis.differential.DifferentialCase.annotated;
import static io.github.softdelete.mybatis.differential.DifferentialCase.xml;

import java.math.BigDecimal;
import java.util.List;

/**
 * The query shapes, each with its oracle written by hand: every soft table reference {@code t a} of the mapped
 * statement replaced by {@code (SELECT * FROM t WHERE deleted_at IS NULL) a}, nothing else changed.
 */
final class DifferentialCases {
  private DifferentialCases() {}

  // live views of the soft tables, spelled out once so the oracles below stay readable
  // package-private: the suite derives the oracles of a scope of users by reading users itself instead
  static final String U = "(SELECT * FROM users WHERE deleted_at IS NULL)";
  private static final String O = "(SELECT * FROM orders WHERE deleted_at IS NULL)";
  private static final String I = "(SELECT * FROM order_items WHERE deleted_at IS NULL)";

  // why a case's SQL cannot run on a server, where several cases share the reason
  private static final String UPPER_CASE_QUOTED_ON_POSTGRES = "PostgreSQL stores unquoted names in lower case:"
      + " the quoted upper-case names are tables that do not exist";
  private static final String DOUBLE_QUOTES_ON_MARIADB = "without ANSI_QUOTES in sql_mode, MariaDB reads double"
      + " quotes as a string, not as an identifier";

  static List<DifferentialCase> all() {
    return List.of(
        // FROM lists and joins
        xml("shouldJoinOnlyLiveUsersAndLiveOrdersInCommaJoin", "commaJoin")
            .oracle("SELECT u.name AS user_name, o.id AS order_id FROM " + U + " u, " + O + " o"
                + " WHERE o.user_id = u.id"),
        xml("shouldFilterEveryTableOfAFromListOfThreeSoftTables", "commaJoinOfThreeSoftTables")
            .oracle("SELECT u.id AS user_id, o.id AS order_id, i.id AS item_id"
                + " FROM " + U + " u, " + O + " o, " + I + " i"
                + " WHERE o.user_id = u.id AND i.order_id = o.id"),
        xml("shouldFilterOrderItemsButNotProductsInCommaJoin", "commaJoinWithProducts")
            .oracle("SELECT i.id AS item_id, p.title FROM " + I + " i, products p WHERE p.sku = i.sku"),
        xml("shouldDropOrdersOfDeletedUsersAndDeletedOrdersInInnerJoin", "innerJoin")
            .oracle("SELECT u.name AS user_name, o.id AS order_id, o.amount"
                + " FROM " + U + " u INNER JOIN " + O + " o ON o.user_id = u.id"),
        xml("shouldKeepUsersWithOnlyDeletedOrdersInLeftJoin", "leftJoin")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u LEFT JOIN " + O + " o"
                + " ON o.user_id = u.id"),
        xml("shouldFindUsersWithoutLiveOrdersThroughLeftJoinWhereIdIsNull", "leftJoinAntiJoin")
            .oracle("SELECT u.id AS user_id, u.name AS user_name FROM " + U + " u LEFT JOIN " + O + " o"
                + " ON o.user_id = u.id WHERE o.id IS NULL"),
        xml("shouldKeepNullExtendedRowsWhenWhereTestsTheNullableSideOfLeftJoin", "leftJoinWhereOnNullableSide")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u LEFT JOIN " + O + " o"
                + " ON o.user_id = u.id WHERE o.status = 'PAID' OR o.id IS NULL"),
        xml("shouldKeepLiveOrdersOfDeletedUsersWithoutNameInRightJoin", "rightJoin")
            .oracle("SELECT u.name AS user_name, o.id AS order_id FROM " + U + " u RIGHT JOIN " + O + " o"
                + " ON o.user_id = u.id"),
        xml("shouldNullExtendBothSidesInFullOuterJoinEmulatedByLeftUnionRight", "fullOuterJoinEmulated")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u LEFT JOIN " + O + " o"
                + " ON o.user_id = u.id"
                + " UNION ALL"
                + " SELECT u.id, o.id FROM " + U + " u RIGHT JOIN " + O + " o ON o.user_id = u.id"
                + " WHERE u.id IS NULL"),
        xml("shouldPairOnlyLiveRowsInCrossJoin", "crossJoin")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u CROSS JOIN " + O + " o"
                + " WHERE u.manager_id = 1 AND o.status = 'NEW'"),
        xml("shouldKeepLiveOrdersWithOnlyDeletedItemsInInnerThenLeftJoinChain", "innerThenLeftJoinChain")
            .oracle("SELECT u.id AS user_id, o.id AS order_id, i.id AS item_id FROM " + U + " u"
                + " JOIN " + O + " o ON o.user_id = u.id"
                + " LEFT JOIN " + I + " i ON i.order_id = o.id"),
        xml("shouldNullExtendAtEachLevelOfLeftJoinChain", "leftLeftJoinChain")
            .oracle("SELECT u.id AS user_id, o.id AS order_id, i.id AS item_id FROM " + U + " u"
                + " LEFT JOIN " + O + " o ON o.user_id = u.id"
                + " LEFT JOIN " + I + " i ON i.order_id = o.id"),
        xml("shouldFilterBothUsersReferencesInRightThenLeftJoinChain", "rightThenLeftJoinChain")
            .oracle("SELECT o.id AS order_id, u.name AS user_name, m.name AS manager_name FROM " + U + " u"
                + " RIGHT JOIN " + O + " o ON o.user_id = u.id"
                + " LEFT JOIN " + U + " m ON m.id = u.manager_id"),
        xml("shouldFilterEveryLevelOfLeftThenInnerJoinChain", "leftThenInnerJoinChain")
            .oracle("SELECT u.id AS user_id, o.id AS order_id, p.title FROM " + U + " u"
                + " LEFT JOIN " + O + " o ON o.user_id = u.id"
                + " JOIN " + I + " i ON i.order_id = o.id"
                + " JOIN products p ON p.sku = i.sku"),
        xml("shouldFilterInsideParenthesisedJoinOnNullableSide", "nestedParenthesisedJoin")
            .oracle("SELECT u.id AS user_id, o.id AS order_id, i.id AS item_id FROM " + U + " u"
                + " LEFT JOIN (" + O + " o JOIN " + I + " i ON i.order_id = o.id) ON o.user_id = u.id"),
        xml("shouldFilterSoftSideOfNaturalJoin", "naturalJoin")
            .oracle("SELECT order_items.id AS item_id, products.sku, products.title FROM " + I
                + " order_items NATURAL JOIN products"),
        xml("shouldNullExtendProductsWhoseItemsAreDeletedInLeftJoinUsing", "leftJoinUsing")
            .oracle("SELECT p.sku, p.title, i.id AS item_id FROM products p LEFT JOIN " + I + " i USING (sku)"),
        xml("shouldDropEmployeesOfDeletedManagersInSelfJoin", "selfJoin")
            .oracle("SELECT e.name AS employee, m.name AS manager FROM " + U + " e JOIN " + U + " m"
                + " ON m.id = e.manager_id"),
        xml("shouldShowNoManagerForLiveUsersWhoseManagerIsDeletedInSelfLeftJoin", "selfLeftJoin")
            .oracle("SELECT e.id AS employee_id, m.id AS manager_id FROM " + U + " e LEFT JOIN " + U + " m"
                + " ON m.id = e.manager_id"),

        // derived tables and CTEs
        xml("shouldSumOnlyLiveOrdersInDerivedTable", "derivedTable")
            .oracle("SELECT t.user_id, t.total FROM (SELECT user_id, SUM(amount) AS total FROM " + O + " orders"
                + " GROUP BY user_id) t"),
        xml("shouldFilterAtEveryDepthOfNestedDerivedTables", "nestedDerivedTables")
            .oracle("SELECT x.user_name, x.total"
                + " FROM (SELECT u.name AS user_name, t.total"
                + " FROM " + U + " u"
                + " JOIN (SELECT s.user_id, SUM(s.amount) AS total"
                + " FROM (SELECT o.user_id, o.amount FROM " + O + " o WHERE o.status <> 'CANCELLED') s"
                + " GROUP BY s.user_id) t ON t.user_id = u.id) x"),
        xml("shouldJoinLiveOrdersToQuantitiesOfLiveItemsInDerivedTable", "derivedTableJoinedToSoftTable")
            .oracle("SELECT o.id AS order_id, s.total_qty FROM " + O + " o"
                + " JOIN (SELECT order_id, SUM(qty) AS total_qty FROM " + I + " order_items GROUP BY order_id) s"
                + " ON s.order_id = o.id"),
        xml("shouldFilterInsideCteBodyAndInMainQuery", "cte")
            .oracle("WITH big AS (SELECT id, user_id FROM " + O + " orders WHERE amount >= 50)"
                + " SELECT u.name AS user_name, big.id AS order_id FROM " + U + " u JOIN big ON big.user_id = u.id"),
        xml("shouldFilterEachOfSeveralCtes", "severalCtes")
            .oracle("WITH buyers AS (SELECT DISTINCT user_id FROM " + O + " orders WHERE status = 'PAID'),"
                + " managers AS (SELECT DISTINCT manager_id FROM " + U + " users WHERE manager_id IS NOT NULL)"
                + " SELECT u.id AS user_id, u.name AS user_name FROM " + U + " u"
                + " WHERE u.id IN (SELECT user_id FROM buyers) AND u.id IN (SELECT manager_id FROM managers)"),
        xml("shouldSeeOneFilteredCteThroughBothOfItsReferences", "cteReferencedTwice")
            .oracle("WITH totals AS (SELECT user_id, SUM(amount) AS total FROM " + O + " orders"
                + " WHERE user_id IS NOT NULL GROUP BY user_id)"
                + " SELECT a.user_id, a.total FROM totals a WHERE a.total > (SELECT AVG(b.total) FROM totals b)"),
        xml("shouldStopManagerChainAtDeletedManagerInRecursiveCte", "recursiveManagerChain")
            .withParams("userId", 9)
            .oracle("WITH RECURSIVE chain (id, manager_id, depth) AS ("
                + " SELECT id, manager_id, 0 FROM " + U + " users WHERE id = ?"
                + " UNION ALL"
                + " SELECT m.id, m.manager_id, c.depth + 1 FROM chain c JOIN " + U + " m ON m.id = c.manager_id)"
                + " SELECT id, depth FROM chain", 9),
        xml("shouldNotReachReportsThroughDeletedManagersInRecursiveCte", "recursiveReports")
            .withParams("userId", 1)
            .oracle("WITH RECURSIVE reports (id, depth) AS ("
                + " SELECT id, 0 FROM " + U + " users WHERE id = ?"
                + " UNION ALL"
                + " SELECT e.id, r.depth + 1 FROM reports r JOIN " + U + " e ON e.manager_id = r.id)"
                + " SELECT id, depth FROM reports", 1),
        xml("shouldFilterUsersInsideCteNamedLikeTheUsersAliasAndLeaveTheCteReferenceAlone",
            "cteNamedLikeUsersAlias")
            .oracle("WITH u AS (SELECT u.id, u.name FROM " + U + " u WHERE u.manager_id IS NOT NULL)"
                + " SELECT u.name AS user_name, o.id AS order_id FROM u JOIN " + O + " o ON o.user_id = u.id"),
        xml("shouldFilterOrdersAliasedLikeACteInsideExistsSubquery", "cteNamedLikeOrdersAlias")
            .oracle("WITH o AS (SELECT user_id, COUNT(*) AS n FROM " + O + " orders GROUP BY user_id)"
                + " SELECT x.id AS user_id, o.n FROM " + U + " x JOIN o ON o.user_id = x.id"
                + " WHERE EXISTS (SELECT 1 FROM " + O + " o WHERE o.user_id = x.id AND o.status = 'PAID')"),
        xml("shouldFilterSubqueriesNestedInDerivedTableInsideCte", "subqueriesInsideDerivedTableInsideCte")
            .oracle("WITH active AS ("
                + " SELECT d.id FROM ("
                + " SELECT u.id FROM " + U + " u"
                + " WHERE EXISTS (SELECT 1 FROM " + O + " o WHERE o.user_id = u.id"
                + " AND EXISTS (SELECT 1 FROM " + I + " i WHERE i.order_id = o.id))) d)"
                + " SELECT a.id AS user_id FROM active a"),

        // set operations
        xml("shouldFilterBothBranchesOfUnion", "union")
            .oracle("SELECT id FROM " + U + " users WHERE manager_id = 1"
                + " UNION SELECT user_id FROM " + O + " orders WHERE amount > 100"),
        xml("shouldKeepEveryArchiveRowButNoDeletedUserInUnionAll", "unionAllWithArchive")
            .oracle("SELECT name FROM " + U + " users WHERE id < 6 UNION ALL SELECT name FROM users_archive"),
        xml("shouldIntersectLiveUsersWithBuyersOfLiveOrders", "intersect")
            .oracle("SELECT id FROM " + U + " users INTERSECT SELECT user_id FROM " + O + " orders"),
        xml("shouldKeepUsersWithOnlyDeletedOrdersInExcept", "except")
            .oracle("SELECT id FROM " + U + " users EXCEPT SELECT user_id FROM " + O + " orders"
                + " WHERE user_id IS NOT NULL"),
        xml("shouldFilterUnionBranchesInsideDerivedTable", "unionInsideDerivedTable")
            .oracle("SELECT t.id FROM (SELECT user_id AS id FROM " + O + " orders WHERE user_id IS NOT NULL"
                + " UNION SELECT manager_id FROM " + U + " users WHERE manager_id IS NOT NULL) t"),

        // subqueries
        xml("shouldCountOnlyLiveOrdersInScalarSubqueryOfSelectList", "scalarSubqueryInSelectList")
            .oracle("SELECT u.id AS user_id, (SELECT COUNT(*) FROM " + O + " o WHERE o.user_id = u.id)"
                + " AS order_count FROM " + U + " u"),
        xml("shouldMatchOnlyLiveOrdersInInSubquery", "inSubquery")
            .oracle("SELECT id, name FROM " + U + " users"
                + " WHERE id IN (SELECT user_id FROM " + O + " orders WHERE status = 'PAID')"),
        xml("shouldKeepUsersWithOnlyDeletedOrdersInNotInSubquery", "notInSubquery")
            .oracle("SELECT id, name FROM " + U + " users"
                + " WHERE id NOT IN (SELECT user_id FROM " + O + " orders WHERE user_id IS NOT NULL)"),
        xml("shouldRequireALiveOrderInExistsSubquery", "existsSubquery")
            .oracle("SELECT u.id, u.name FROM " + U + " u"
                + " WHERE EXISTS (SELECT 1 FROM " + O + " o WHERE o.user_id = u.id AND o.amount > 60)"),
        xml("shouldTreatOnlyDeletedOrdersAsNoOrdersInNotExistsSubquery", "notExistsSubquery")
            .oracle("SELECT u.id, u.name FROM " + U + " u"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + O + " o WHERE o.user_id = u.id)"),
        xml("shouldCompareWithAverageOfLiveOrdersOnly", "comparisonSubquery")
            .oracle("SELECT id, amount FROM " + O + " orders"
                + " WHERE amount > (SELECT AVG(amount) FROM " + O + " orders)"),
        xml("shouldCompareWithLiveOrdersOnlyInAnySubquery", "anySubquery")
            .oracle("SELECT id, amount FROM " + O + " orders"
                + " WHERE amount < ANY (SELECT amount FROM " + O + " orders WHERE status = 'NEW')"),
        xml("shouldFindLargestLiveOrderWithAllSubquery", "allSubquery")
            .oracle("SELECT id, amount FROM " + O + " orders"
                + " WHERE amount >= ALL (SELECT amount FROM " + O + " orders)"),
        xml("shouldFilterGroupedRowsAndHavingSubquery", "havingSubquery")
            .oracle("SELECT user_id, COUNT(*) AS order_count FROM " + O + " orders WHERE user_id IS NOT NULL"
                + " GROUP BY user_id"
                + " HAVING COUNT(*) > (SELECT COUNT(*) FROM " + U + " users WHERE manager_id = 1)"),
        xml("shouldFilterSubqueryInOnOfLeftJoin", "subqueryInOnOfLeftJoin")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u"
                + " LEFT JOIN " + O + " o ON o.user_id = u.id"
                + " AND o.id IN (SELECT i.order_id FROM " + I + " i WHERE i.qty >= 2)"),
        xml("shouldDecideCaseOnLiveOrdersOnly", "subqueryInCase")
            .oracle("SELECT u.id AS user_id,"
                + " CASE WHEN EXISTS (SELECT 1 FROM " + O + " o WHERE o.user_id = u.id)"
                + " THEN 'buyer' ELSE 'browser' END AS kind FROM " + U + " u"),
        xml("shouldSumLiveOrdersInsideCoalesce", "subqueryInCoalesce")
            .oracle("SELECT u.id AS user_id,"
                + " COALESCE((SELECT SUM(o.amount) FROM " + O + " o WHERE o.user_id = u.id), 0) AS total"
                + " FROM " + U + " u"),
        xml("shouldPickLargestLiveOrderPerUserInCorrelatedSubquery", "correlatedSubquery")
            .oracle("SELECT o.id AS order_id, o.user_id FROM " + O + " o"
                + " WHERE o.amount = (SELECT MAX(o2.amount) FROM " + O + " o2 WHERE o2.user_id = o.user_id)"),
        xml("shouldFilterSoftSubqueryUnderQueryOnProducts", "softSubqueryUnderNonSoftQuery")
            .oracle("SELECT sku, title FROM products WHERE sku IN (SELECT sku FROM " + I + " order_items)"),

        // grouping, DISTINCT, ordering, windows
        xml("shouldCountOnlyLiveOrdersPerUserInGroupByHaving", "groupByHavingCount")
            .oracle("SELECT u.id AS user_id, COUNT(o.id) AS order_count"
                + " FROM " + U + " u LEFT JOIN " + O + " o ON o.user_id = u.id"
                + " GROUP BY u.id HAVING COUNT(o.id) < 2"),
        xml("shouldCountOnlyLiveUsers", "countStar")
            .oracle("SELECT COUNT(*) AS n FROM " + U + " users"),
        xml("shouldReturnDistinctNamesOfLiveUsersWithLiveOrders", "distinctNames")
            .oracle("SELECT DISTINCT u.name FROM " + U + " u JOIN " + O + " o ON o.user_id = u.id"),
        xml("shouldPageOverLiveOrdersOnlyWithOrderByLimitOffset", "orderByLimitOffset")
            .inOrder()
            .oracle("SELECT id, amount FROM " + O + " orders ORDER BY amount DESC, id LIMIT 3 OFFSET 1"),
        xml("shouldOrderAndCutLiveJoinRowsWithFetchFirst", "orderByFetchFirstOverJoin")
            .inOrder()
            .oracle("SELECT u.name AS user_name, o.amount FROM " + U + " u JOIN " + O + " o ON o.user_id = u.id"
                + " ORDER BY o.amount DESC, o.id FETCH FIRST 4 ROWS ONLY"),
        xml("shouldNumberOnlyLiveOrdersInWindowFunction", "windowFunction")
            .oracle("SELECT id AS order_id, user_id,"
                + " ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC, id) AS rank_in_user"
                + " FROM " + O + " orders WHERE user_id IS NOT NULL"),

        // parameters and dynamic SQL
        xml("shouldBindParametersAfterFiltering", "parameters")
            .withParams("minAmount", new BigDecimal("50"), "status", "PAID")
            .oracle("SELECT id, amount FROM " + O + " orders WHERE amount >= ? AND status = ?",
                new BigDecimal("50"), "PAID"),
        xml("shouldKeepParameterOrderAcrossOuterQueryAndSubquery", "parametersInOuterQueryAndSubquery")
            .withParams("managerId", 3, "minAmount", new BigDecimal("100"))
            .oracle("SELECT u.id AS user_id FROM " + U + " u WHERE u.manager_id = ?"
                + " OR u.id IN (SELECT o.user_id FROM " + O + " o WHERE o.amount > ?)",
                3, new BigDecimal("100")),
        xml("shouldFilterForeachInListBuiltByDynamicWhere", "dynamicWhereWithForeach")
            .withParams("status", null, "userIds", List.of(1, 2, 7))
            .oracle("SELECT id, user_id, status FROM " + O + " orders WHERE user_id IN (?, ?, ?)", 1, 2, 7),
        xml("shouldFilterDynamicWhereWithIfAndForeach", "dynamicWhereWithForeach")
            .withParams("status", "PAID", "userIds", List.of(2, 3, 7))
            .oracle("SELECT id, user_id, status FROM " + O + " orders WHERE status = ? AND user_id IN (?, ?, ?)",
                "PAID", 2, 3, 7),

        // how the tables are named
        xml("shouldFilterQuotedUpperCaseTableName", "quotedUpperCaseTableName")
            .oracle("SELECT \"U\".\"ID\" AS user_id, \"U\".\"NAME\" AS user_name"
                + " FROM (SELECT * FROM \"USERS\" WHERE deleted_at IS NULL) \"U\""
                + " WHERE \"U\".\"MANAGER_ID\" IS NOT NULL")
            .notOn(Dialect.POSTGRESQL, UPPER_CASE_QUOTED_ON_POSTGRES)
            .notOn(Dialect.MARIADB, DOUBLE_QUOTES_ON_MARIADB),
        xml("shouldFilterUnquotedMixedCaseTableNames", "unquotedMixedCaseTableNames")
            .oracle("SELECT u.id AS user_id, o.id AS order_id"
                + " FROM (SELECT * FROM Users WHERE deleted_at IS NULL) u"
                + " JOIN (SELECT * FROM ORDERS WHERE deleted_at IS NULL) o ON o.user_id = u.id"
                + " WHERE o.amount < 100")
            .notOn(Dialect.MARIADB, "table names are case-sensitive on Linux (lower_case_table_names=0):"
                + " Users and ORDERS are other tables than users and orders"),
        xml("shouldFilterSchemaQualifiedTables", "schemaQualifiedTables")
            .oracle("SELECT u.name AS user_name, o.amount"
                + " FROM (SELECT * FROM PUBLIC.users WHERE deleted_at IS NULL) u"
                + " JOIN (SELECT * FROM public.orders WHERE deleted_at IS NULL) o ON o.user_id = u.id")
            .notOn(Dialect.POSTGRESQL, "the tables live in the test's own schema, not in public")
            .notOn(Dialect.MARIADB, "PUBLIC would be a database; the tables live in the test's own database"),
        xml("shouldFilterQuotedSchemaQualifiedTable", "quotedSchemaQualifiedTable")
            .oracle("SELECT i.id AS item_id"
                + " FROM (SELECT * FROM \"PUBLIC\".\"ORDER_ITEMS\" WHERE deleted_at IS NULL) i WHERE i.qty > 1")
            .notOn(Dialect.POSTGRESQL, UPPER_CASE_QUOTED_ON_POSTGRES)
            .notOn(Dialect.MARIADB, DOUBLE_QUOTES_ON_MARIADB),

        // one server's own syntax: PostgreSQL
        xml("shouldNullExtendBothSidesOfFullJoinOverLiveRows", "fullJoin")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u FULL JOIN " + O + " o"
                + " ON o.user_id = u.id")
            .notOn(Dialect.H2, "H2 has no FULL JOIN")
            .notOn(Dialect.MARIADB, "MariaDB has no FULL JOIN"),
        xml("shouldPickLatestLiveMatchingOrderPerUserWithDistinctOnIlikeAndCast", "distinctOnWithIlikeAndCast")
            .oracle("SELECT DISTINCT ON (o.user_id) o.user_id, o.id::text AS order_key"
                + " FROM " + O + " o WHERE o.status ILIKE 'p%' ORDER BY o.user_id, o.id DESC")
            .notOn(Dialect.H2, "H2's DISTINCT ON wants every ORDER BY expression in the select list")
            .notOn(Dialect.MARIADB, "MariaDB has neither DISTINCT ON, ILIKE nor the :: cast"),
        xml("shouldPickLargestLiveOrderPerLiveUserInLeftJoinLateral", "leftJoinLateral")
            .oracle("SELECT u.id AS user_id, x.order_id FROM " + U + " u"
                + " LEFT JOIN LATERAL (SELECT o.id AS order_id FROM " + O + " o WHERE o.user_id = u.id"
                + " ORDER BY o.amount DESC LIMIT 1) x ON TRUE")
            .notOn(Dialect.H2, "H2 has no LATERAL")
            .notOn(Dialect.MARIADB, "MariaDB has no LATERAL"),

        // one server's own syntax: MariaDB
        xml("shouldFilterBacktickQuotedTablesInJoin", "backtickIdentifiers")
            .oracle("SELECT `u`.`id` AS user_id, `o`.`id` AS order_id"
                + " FROM (SELECT * FROM `users` WHERE deleted_at IS NULL) `u`"
                + " JOIN (SELECT * FROM `orders` WHERE deleted_at IS NULL) `o` ON `o`.`user_id` = `u`.`id`")
            .notOn(Dialect.POSTGRESQL, "PostgreSQL does not read backticks as quotes"),
        xml("shouldFilterBothSidesOfStraightJoin", "straightJoin")
            .oracle("SELECT u.id AS user_id, o.id AS order_id FROM " + U + " u STRAIGHT_JOIN " + O + " o"
                + " ON o.user_id = u.id")
            .notOn(Dialect.H2, "STRAIGHT_JOIN is MySQL's and MariaDB's")
            .notOn(Dialect.POSTGRESQL, "STRAIGHT_JOIN is MySQL's and MariaDB's"),

        // tables that are not soft
        xml("shouldLeaveQueryOnUsersArchiveUnchanged_notDiscriminatingSinceNoSoftTableIsRead", "usersArchiveOnly")
            .notDiscriminating()
            .oracle("SELECT id, name FROM users_archive"),
        xml("shouldFilterUsersButNeverUsersArchiveInLeftJoin", "usersArchiveLeftJoinUsers")
            .oracle("SELECT a.id AS archive_id, a.name AS archived_name, u.name AS user_name"
                + " FROM users_archive a LEFT JOIN " + U + " u ON u.id = a.id"),
        xml("shouldFilterUsersJoinedToAuditLogAndKeepStringLiteralNamingUsers", "auditLogJoinUsers")
            .oracle("SELECT a.id AS audit_id, a.action, u.name AS user_name"
                + " FROM audit_log a JOIN " + U + " u ON u.id = a.row_id WHERE a.table_name = 'users'"),

        // comments and hints the application wrote: kept in place, rows as without them
        xml("shouldKeepRoutingHintTracingTagAndLineCommentOfLeftJoin", "commentedLeftJoin")
            .oracle("/*slave*/ SELECT /* trace:diff */ u.id AS user_id, o.id AS order_id FROM " + U + " u"
                + " -- every user\n LEFT JOIN " + O + " o ON o.user_id = u.id /* live orders */"),
        xml("shouldKeepCommentsInsideSubqueryAndAfterTheLastClause", "commentedInSubquery")
            .oracle("SELECT id, name FROM " + U + " users -- buyers\n WHERE id IN (SELECT user_id /* paid */"
                + " FROM " + O + " orders WHERE status = 'PAID') -- end"),
        // annotation mapper
        annotated("shouldFilterLeftJoinWithParameterInAnnotatedMapper", "ordersWithItemsOfUser")
            .withParams("userId", 1)
            .oracle("SELECT o.id AS order_id, i.id AS item_id"
                + " FROM " + O + " o LEFT JOIN " + I + " i ON i.order_id = o.id WHERE o.user_id = ?", 1),
        annotated("shouldFilterForeachInListOfAnnotatedScript", "usersWithIds")
            .withParams("ids", List.of(1, 3, 5, 7))
            .oracle("SELECT id, name FROM " + U + " users WHERE id IN (?, ?, ?, ?)", 1, 3, 5, 7),
        annotated("shouldTreatProductsWithOnlyDeletedItemsAsUnsoldInAnnotatedNotExists", "unsoldProducts")
            .oracle("SELECT p.sku, p.title FROM products p"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + I + " i WHERE i.sku = p.sku)"),
        annotated("shouldFilterCteAndLeftJoinInAnnotatedMapper", "spendOfManagedUsers")
            .oracle("WITH spend AS (SELECT user_id, SUM(amount) AS total FROM " + O + " orders GROUP BY user_id)"
                + " SELECT u.name AS user_name, s.total"
                + " FROM " + U + " u LEFT JOIN spend s ON s.user_id = u.id WHERE u.manager_id IS NOT NULL"),
        annotated("shouldListLiveEmployeesWithLiveManagersInOrderInAnnotatedMapper", "employeesWithManagers")
            .inOrder()
            .oracle("SELECT e.id AS employee_id, e.name AS employee, m.name AS manager"
                + " FROM " + U + " e LEFT JOIN " + U + " m ON m.id = e.manager_id ORDER BY e.id"),
        annotated("shouldSubtractLiveUsersFromBuyersOfLiveOrdersInAnnotatedExcept", "buyerIdsWithoutLiveUser")
            .withParams("status", "PAID")
            .oracle("SELECT user_id FROM " + O + " orders WHERE status = ?"
                + " EXCEPT SELECT id FROM " + U + " users", "PAID"));
  }
}
