package io.github.softdelete.compat.shardingsphere;

import static io.github.softdelete.compat.shardingsphere.WriteShape.Scope.HARD_DELETE;
import static io.github.softdelete.compat.shardingsphere.WriteShape.Scope.INCLUDE_DELETED;
import static io.github.softdelete.compat.shardingsphere.WriteShape.Scope.UNDO;

import java.util.List;

/** The writes checked across shards; t_order cascades to t_order_item. */
final class WriteShapes {
  private WriteShapes() {}

  static List<WriteShape> all() {
    return List.of(
        WriteShape.of("shouldMarkOneOrderAndItsLiveItemsRoutedByTheFullShardingKey",
            "DELETE FROM t_order WHERE order_id = 101 AND user_id = 1"),
        WriteShape.of("shouldMarkTheOrdersOfOneUsersDatabaseAndTheirItems",
            "DELETE FROM t_order WHERE user_id = 2"),
        WriteShape.of("shouldMarkMatchingOrdersOfEveryShardAndTheirItems",
            "DELETE FROM t_order WHERE status = 'NEW'"),
        WriteShape.of("shouldMarkNothingWhenTheOrderIsAlreadyDeleted",
            "DELETE FROM t_order WHERE order_id = 102 AND user_id = 1"),
        WriteShape.of("shouldMarkItemsOfLiveCancelledOrdersThroughASubqueryOverTheBoundTable",
            "DELETE FROM t_order_item WHERE order_id IN (SELECT order_id FROM t_order WHERE status = 'CANCELLED')"),
        WriteShape.of("shouldMarkTheBroadcastRowInEveryDatabase",
            "DELETE FROM t_product WHERE sku = 'A'"),
        WriteShape.of("shouldMarkARowOfTheSingleTable",
            "DELETE FROM t_user WHERE user_id = 2"),
        WriteShape.of("shouldUpdateOnlyLiveOrdersOfEveryShard",
            "UPDATE t_order SET status = 'ARCHIVED' WHERE status IN ('NEW', 'CANCELLED')"),
        WriteShape.of("shouldUpdateOnlyLiveItemsOfOneUser",
            "UPDATE t_order_item SET qty = qty + 10 WHERE user_id = 4"),
        WriteShape.of("shouldUpdateOnlyTheLiveCopiesOfTheBroadcastTable",
            "UPDATE t_product SET title = 'Gone' WHERE sku IN ('C', 'D')"),
        WriteShape.in(UNDO, "shouldRestoreAnOrderAndExactlyTheItemsItsCascadeMarked",
            "DELETE FROM t_order WHERE order_id = 101 AND user_id = 1"),
        WriteShape.in(UNDO, "shouldRestoreOrdersOfEveryShardAndTheItemsTheirCascadeMarked",
            "DELETE FROM t_order WHERE status = 'NEW'"),
        WriteShape.in(UNDO, "shouldRestoreTheItemsOfOneUser",
            "DELETE FROM t_order_item WHERE user_id = 4"),
        WriteShape.in(UNDO, "shouldRestoreTheBroadcastRowInEveryDatabase",
            "DELETE FROM t_product WHERE sku = 'B'"),
        WriteShape.in(INCLUDE_DELETED, "shouldUpdateDeletedOrdersTooUnderIncludeDeleted",
            "UPDATE t_order SET status = 'SEEN' WHERE user_id = 1"),
        WriteShape.in(HARD_DELETE, "shouldEraseTheOrderButNoItemUnderHardDelete",
            "DELETE FROM t_order WHERE order_id = 102 AND user_id = 1"));
  }
}
