package io.github.softdelete.mybatis.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tokens of a statement as written are the same tokens of the statement as printed: a longest common
 * subsequence of the two, found with Myers' O(ND) difference algorithm. The rewrite keeps the written tokens
 * in order and adds some (predicates, SET items, a derived table's SELECT), so D, the tokens added or
 * dropped, is small next to the statement.
 */
final class TokenAlignment {
  /**
   * Beyond this many tokens added or dropped the trace of the search would take megabytes; a rewrite that
   * changes that much is aligned no further (its comments then go where they are certainly safe).
   */
  static final int MAX_DIFFERENCE = 1024;

  private TokenAlignment() {}

  /**
   * @return for each written token, the index of the printed token it is, or -1 when the rewrite dropped it;
   *     {@code null} when the two differ by more than {@link #MAX_DIFFERENCE} tokens
   */
  static int[] of(List<SqlTokens.Lexeme> written, List<SqlTokens.Lexeme> printed) {
    Map<String, Integer> ids = new HashMap<>();
    int[] a = keys(written, ids);
    int[] b = keys(printed, ids);
    int[] matches = new int[a.length];
    Arrays.fill(matches, -1);
    // the common start and end need no search
    int head = 0;
    while (head < a.length && head < b.length && a[head] == b[head]) {
      matches[head] = head;
      head++;
    }
    int tail = 0;
    while (tail < a.length - head && tail < b.length - head
        && a[a.length - 1 - tail] == b[b.length - 1 - tail]) {
      matches[a.length - 1 - tail] = b.length - 1 - tail;
      tail++;
    }
    boolean aligned = middle(a, head, a.length - tail, b, head, b.length - tail, matches);
    return aligned ? matches : null;
  }

  private static int[] keys(List<SqlTokens.Lexeme> tokens, Map<String, Integer> ids) {
    int[] keys = new int[tokens.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ids.computeIfAbsent(comparable(tokens.get(i).key()), k -> ids.size());
    }
    return keys;
  }

  // a DELETE prints as the UPDATE that marks its rows: the statement's keyword is the same token
  private static String comparable(String key) {
    return key.equals("DELETE") ? "UPDATE" : key;
  }

  /** Myers' greedy search over a[aFrom, aTo) and b[bFrom, bTo), then the walk back along its trace. */
  private static boolean middle(int[] a, int aFrom, int aTo, int[] b, int bFrom, int bTo, int[] matches) {
    int n = aTo - aFrom;
    int m = bTo - bFrom;
    int max = Math.min(n + m, MAX_DIFFERENCE);
    // v[offset + k]: the furthest x reached on diagonal k (y = x - k)
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    for (int d = 0; d <= max; d++) {
      for (int k = -d; k <= d; k += 2) {
        int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
            ? v[offset + k + 1] : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[aFrom + x] == b[bFrom + y]) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
          walkBack(trace, n, m, aFrom, bFrom, matches);
          return true;
        }
      }
      trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
    }
    return false;
  }

  // trace.get(d)[k + d] is v[k] after step d
  private static void walkBack(List<int[]> trace, int n, int m, int aFrom, int bFrom, int[] matches) {
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d > 0; d--) {
      int[] previous = trace.get(d - 1);
      int k = x - y;
      boolean down = k == -d || k != d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1);
      int previousK = down ? k + 1 : k - 1;
      int previousX = at(previous, d - 1, previousK);
      int previousY = previousX - previousK;
      while (x > previousX && y > previousY) {
        x--;
        y--;
        matches[aFrom + x] = bFrom + y;
      }
      x = previousX;
      y = previousY;
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      matches[aFrom + x] = bFrom + y;
    }
  }

  private static int at(int[] snapshot, int d, int k) {
    return snapshot[k + d];
  }
}
