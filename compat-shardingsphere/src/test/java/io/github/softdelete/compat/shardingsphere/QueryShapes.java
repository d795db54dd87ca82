package io.github.softdelete.compat.shardingsphere;

import java.util.List;

/**
 * The queries checked across shards. Sharded tables are joined on their sharding columns (an item lives in the
 * shard of its order), so ShardingSphere can run each one shard pair at a time; the few it evaluates per shard
 * with other rows than one database are marked {@link QueryShape#perShard}.
 */
final class QueryShapes {
  private QueryShapes() {}

  private static final String BINDING = " ON i.order_id = o.order_id AND i.user_id = o.user_id";

  static List<QueryShape> filtered() {
    return List.of(
        QueryShape.of("shouldReadOnlyLiveOrdersOfEveryShardInOrder",
            "SELECT o.order_id, o.status FROM {t_order} o ORDER BY o.order_id"),
        QueryShape.of("shouldReadOnlyLiveOrdersOfOneUsersDatabase",
            "SELECT o.order_id FROM {t_order} o WHERE o.user_id = 1"),
        QueryShape.of("shouldReadNoDeletedOrderByItsFullShardingKey",
            "SELECT o.order_id FROM {t_order} o WHERE o.order_id = 102 AND o.user_id = 1"),
        QueryShape.of("shouldJoinLiveOrdersToLiveItemsOfTheirShard",
            "SELECT o.order_id, i.item_id FROM {t_order} o JOIN {t_order_item} i" + BINDING),
        QueryShape.of("shouldKeepLiveOrdersWithOnlyDeletedItemsInLeftJoin",
            "SELECT o.order_id, i.item_id FROM {t_order} o LEFT JOIN {t_order_item} i" + BINDING),
        QueryShape.of("shouldFindLiveOrdersWithoutLiveItemsThroughLeftJoinWhereIdIsNull",
            "SELECT o.order_id FROM {t_order} o LEFT JOIN {t_order_item} i" + BINDING + " WHERE i.item_id IS NULL"),
        // the left side of a RIGHT JOIN is filtered as a derived table over the sharded table
        QueryShape.of("shouldFilterTheDerivedTableOverAShardedTableInRightJoin",
            "SELECT o.order_id, i.item_id FROM {t_order} o RIGHT JOIN {t_order_item} i" + BINDING),
        QueryShape.of("shouldJoinLiveItemsToLiveRowsOfTheBroadcastTable",
            "SELECT i.item_id, p.title FROM {t_order_item} i JOIN {t_product} p ON p.sku = i.sku"),
        QueryShape.of("shouldNullExtendItemsOfDeletedProductsInLeftJoinWithTheBroadcastTable",
            "SELECT i.item_id, p.title FROM {t_order_item} i LEFT JOIN {t_product} p ON p.sku = i.sku"),
        QueryShape.of("shouldFilterACorrelatedExistsOverTheBoundTable",
            "SELECT o.order_id FROM {t_order} o WHERE EXISTS (SELECT 1 FROM {t_order_item} i"
                + " WHERE i.order_id = o.order_id AND i.user_id = o.user_id AND i.sku = 'A')"),
        QueryShape.of("shouldFilterAnInSubqueryOverTheBoundTable",
            "SELECT o.order_id FROM {t_order} o WHERE o.order_id IN (SELECT i.order_id FROM {t_order_item} i"
                + " WHERE i.sku = 'B')"),
        QueryShape.of("shouldCountOnlyLiveItemsInAScalarSubquery",
            "SELECT o.order_id, (SELECT COUNT(*) FROM {t_order_item} i WHERE i.order_id = o.order_id"
                + " AND i.user_id = o.user_id) AS items FROM {t_order} o"),
        QueryShape.of("shouldFilterInsideAnApplicationsDerivedTable",
            "SELECT x.order_id FROM (SELECT o.order_id, o.user_id FROM {t_order} o WHERE o.status = 'PAID') x"),
        QueryShape.of("shouldMergeCountsOfLiveOrdersAcrossShards",
            "SELECT o.user_id, COUNT(*) AS orders, SUM(o.amount) AS total FROM {t_order} o GROUP BY o.user_id"
                + " ORDER BY o.user_id"),
        QueryShape.of("shouldPageLiveOrdersAcrossShards",
            "SELECT o.order_id FROM {t_order} o ORDER BY o.order_id LIMIT 3"),
        QueryShape.of("shouldFilterBothBranchesOfUnionAllWithinOneDatabase",
            "SELECT o.order_id AS id FROM {t_order} o WHERE o.user_id = 1"
                + " UNION ALL SELECT i.item_id FROM {t_order_item} i WHERE i.user_id = 1"),
        QueryShape.of("shouldReadOnlyLiveRowsOfTheSingleTable",
            "SELECT u.user_id, u.name FROM {t_user} u"),
        QueryShape.of("shouldReadOnlyLiveRowsOfTheBroadcastTable",
            "SELECT p.sku, p.title FROM {t_product} p"),
        QueryShape.of("shouldPairLiveRowsOfTheSingleAndTheBroadcastTable",
            "SELECT u.name, p.title FROM {t_user} u CROSS JOIN {t_product} p"),
        QueryShape.of("shouldJoinTheSingleTableToShardedRowsRoutedToItsDatabase",
            "SELECT u.name, o.order_id FROM {t_user} u JOIN {t_order} o ON o.user_id = u.user_id"
                + " WHERE o.user_id = 2"),
        // ShardingSphere runs these per shard: rows of one shard never meet rows of another
        QueryShape.perShard("shouldFilterEachShardsGroupsInADerivedTable",
            "SELECT t.user_id, t.total FROM (SELECT o.user_id, SUM(o.amount) AS total FROM {t_order} o"
                + " GROUP BY o.user_id) t"),
        QueryShape.perShard("shouldFilterASubqueryOverTheShardedTableUnderTheBroadcastTable",
            "SELECT p.sku FROM {t_product} p WHERE p.sku IN (SELECT i.sku FROM {t_order_item} i)"),
        QueryShape.perShard("shouldFilterASelfReferencingSubqueryShardByShard",
            "SELECT o.order_id FROM {t_order} o WHERE o.user_id IN (SELECT c.user_id FROM {t_order} c"
                + " WHERE c.status = 'CANCELLED')"));
  }

  /** Under {@code OnlyDeleted}: the outermost FROM list shows deleted rows, joins and subqueries live ones. */
  static List<QueryShape> onlyDeleted() {
    return List.of(
        QueryShape.of("shouldListDeletedOrdersOfEveryShard",
            "SELECT o.order_id FROM [t_order] o"),
        QueryShape.of("shouldListDeletedOrdersWithTheirLiveItems",
            "SELECT o.order_id, i.item_id FROM [t_order] o JOIN {t_order_item} i" + BINDING),
        QueryShape.of("shouldListDeletedItemsWithTheLiveBroadcastProducts",
            "SELECT i.item_id, p.title FROM [t_order_item] i LEFT JOIN {t_product} p ON p.sku = i.sku"),
        QueryShape.of("shouldListDeletedRowsOfTheSingleTable",
            "SELECT u.name FROM [t_user] u"),
        QueryShape.of("shouldListDeletedRowsOfTheBroadcastTable",
            "SELECT p.sku FROM [t_product] p"));
  }
}
