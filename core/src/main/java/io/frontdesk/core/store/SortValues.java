package io.frontdesk.core.store;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code capacity} documents of a sort, chosen while the documents stream past, holding
 * for each only its sort key's values and its position in the collection: a sorted page costs
 * memory in proportion to skip + limit, not to the number of matches (the library decodes and keeps
 * every match to sort them). The order is the library's own ({@code DocumentComparator}: the same
 * values, compared with the same {@link ValueComparator}, so mixed types and arrays sort as
 * before), and ties keep the order in which the documents arrived, as the library's stable sort
 * does.
 */
final class SortValues {
  /** One candidate: its sort values, its arrival number (the tie-break) and its position. */
  record Entry(Object[] values, long arrival, Object position) {}

  private final String[] fields;
  private final Comparator<Entry> order;
  private final PriorityQueue<Entry> worstFirst;
  private final int capacity;
  private long arrivals;

  private SortValues(String[] fields, Comparator<Object>[] directions, int capacity) {
    this.fields = fields;
    this.capacity = capacity;
    Comparator<Entry> byValues =
        (a, b) -> {
          for (int i = 0; i < directions.length; i++) {
            int c = directions[i].compare(a.values[i], b.values[i]);
            if (c != 0) {
              return c;
            }
          }
          return 0;
        };
    this.order = byValues.thenComparingLong(Entry::arrival);
    this.worstFirst = new PriorityQueue<>(Math.min(capacity, 1024) + 1, order.reversed());
  }

  /**
   * A collector for the first {@code capacity} documents in {@code orderBy}'s order, or null when
   * {@code orderBy} is not a plain sort on fields (none, {@code $natural}, or a value that is not a
   * number): those are left to the library.
   */
  @SuppressWarnings("unchecked")
  static SortValues of(Document orderBy, int capacity) {
    if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")) {
      return null;
    }
    String[] fields = orderBy.keySet().toArray(String[]::new);
    Comparator<Object>[] directions = new Comparator[fields.length];
    for (int i = 0; i < fields.length; i++) {
      if (!(orderBy.get(fields[i]) instanceof Number direction)) {
        return null;
      }
      // As DocumentComparator: positive is ascending, anything else descending.
      directions[i] = direction.intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
    }
    return new SortValues(fields, directions, capacity);
  }

  /** Offers the next matching document, which lives at {@code position}. */
  void offer(Document document, Object position) {
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = Utils.getSubdocumentValueCollectionAware(document, fields[i]);
    }
    Entry entry = new Entry(values, arrivals++, position);
    if (worstFirst.size() < capacity) {
      worstFirst.add(entry);
    } else if (order.compare(entry, worstFirst.peek()) < 0) {
      worstFirst.poll();
      worstFirst.add(entry);
    }
  }

  /** The positions kept, in sort order. */
  List<Object> positions() {
    List<Entry> entries = new ArrayList<>(worstFirst);
    entries.sort(order);
    List<Object> positions = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      positions.add(entry.position());
    }
    return positions;
  }
}
