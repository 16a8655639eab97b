package io.frontdesk.core.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, changed where it would hold every matching document at once:
 * on a large collection those paths ran a 1 GB server out of memory (a sorted queue page over
 * 170,000 tickets, docs/BENCHMARKS.md). Here:
 *
 * <ul>
 *   <li>a sorted page (a sort with a limit) keeps only the sort values and position of the best
 *       skip + limit matches ({@link SortValues}), then reads just the page's documents;
 *   <li>a count and an aggregation pipeline stream the documents instead of collecting them all
 *       first;
 *   <li>a unique index serves any filter that fixes all its fields by equality, at the top level or
 *       inside a top-level {@code $and} (the library uses one only when the filter has exactly the
 *       index's fields, so {@code {_id, status}} scanned the whole collection).
 * </ul>
 *
 * A find without a sort already streams in the library and stops at skip + limit. Results are the
 * library's, in the library's order; the paths that still hold all matches are listed in
 * docs/ARCHITECTURE.md.
 */
final class BoundedH2Collection extends H2Collection {
  private final MVMap<Object, Document> dataMap;

  BoundedH2Collection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> dataMap,
      MVMap<String, Object> metaMap,
      CursorRegistry cursors) {
    super(database, collectionName, options, dataMap, metaMap, cursors);
    this.dataMap = dataMap;
  }

  @Override
  protected QueryResult queryDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    Iterable<Object> positions = indexedPositions(query);
    if (positions != null) {
      return matchDocuments(
          query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    int skip = Math.max(0, numberToSkip);
    long pageEnd = (long) skip + limit;
    SortValues sort =
        limit > 0 && pageEnd <= Integer.MAX_VALUE ? SortValues.of(orderBy, (int) pageEnd) : null;
    if (sort == null) {
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    for (Map.Entry<Object, Document> entry : dataMap.entrySet()) {
      if (documentMatchesQuery(entry.getValue(), query)) {
        sort.offer(entry.getValue(), entry.getKey());
      }
    }
    List<Object> best = sort.positions();
    List<Document> page = new ArrayList<>(Math.max(0, best.size() - skip));
    for (Object position : best.subList(Math.min(skip, best.size()), best.size())) {
      Document document = dataMap.get(position);
      if (document != null) { // removed since it was seen (reads do not lock the collection)
        page.add(document);
      }
    }
    // Matched again (a document may have changed since), then projected and batched as usual.
    return matchDocumentsFromStream(query, page.stream(), 0, 0, batchSize, null, fieldSelector);
  }

  @Override
  public int count(Document query, int numberToSkip, int limit) {
    if (query == null || query.isEmpty()) {
      return super.count(query, numberToSkip, limit);
    }
    Iterable<Object> positions = indexedPositions(query);
    Stream<Document> documents =
        positions == null
            ? dataMap.values().stream()
            : StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
    Stream<Document> matched =
        documents.filter(d -> documentMatchesQuery(d, query)).skip(Math.max(0, numberToSkip));
    if (limit > 0) {
      matched = matched.limit(limit);
    }
    return Math.toIntExact(matched.count());
  }

  /**
   * Aggregation pipelines start from here: the library's default runs a find of everything and
   * collects it into a list before the first stage. A stream over the map reads one document at a
   * time, so a {@code $match} then {@code $group} (countDocuments) holds only the groups.
   */
  @Override
  public Stream<Document> queryAllAsStream() {
    return dataMap.values().stream();
  }

  /**
   * The positions a unique index gives for this filter, or null to scan: the library's own choice
   * first, else an index whose fields the filter all fixes by equality. The positions are a
   * superset of the matches; the caller applies the whole filter to each document.
   */
  Iterable<Object> indexedPositions(Document query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    List<Index<Object>> indexes = getIndexes();
    for (Index<Object> index : indexes) {
      if (index.canHandle(query)) {
        return index.getPositions(query);
      }
    }
    for (Index<Object> index : indexes) {
      if (!index.isUnique()) {
        continue;
      }
      Document key = equalityKey(index, query);
      if (key != null && index.canHandle(key)) {
        return index.getPositions(key);
      }
    }
    return null;
  }

  /** {@code {field: value}} for each of the index's fields, or null if one is not fixed. */
  private static Document equalityKey(Index<Object> index, Document query) {
    Document key = new Document();
    for (IndexKey indexKey : index.getKeys()) {
      Object value = equalityValue(query, indexKey.getKey());
      if (value == null) {
        return null;
      }
      key.put(indexKey.getKey(), value);
    }
    return key;
  }

  /**
   * The single value the filter requires this field to equal, at its top level or in a top-level
   * {@code $and}; null if none. Only plain values count: null, arrays, sub-documents and regular
   * expressions match in more ways than one index key says.
   */
  private static Object equalityValue(Document query, String field) {
    Object value = query.get(field);
    if (value instanceof Document operators
        && operators.size() == 1
        && operators.containsKey("$eq")) {
      value = operators.get("$eq");
    }
    if (isPlainValue(value)) {
      return value;
    }
    if (query.get("$and") instanceof Collection<?> clauses) {
      for (Object clause : clauses) {
        if (clause instanceof Document d) {
          Object inner = equalityValue(d, field);
          if (inner != null) {
            return inner;
          }
        }
      }
    }
    return null;
  }

  private static boolean isPlainValue(Object value) {
    return Missing.isNeitherNullNorMissing(value)
        && !(value instanceof Document)
        && !(value instanceof Collection<?>)
        && !(value instanceof Object[])
        && !BsonRegularExpression.isRegularExpression(value)
        && !(value instanceof java.util.regex.Pattern);
  }
}
