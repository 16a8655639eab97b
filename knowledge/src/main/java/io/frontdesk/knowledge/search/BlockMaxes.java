package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Each common term's best score in every block of 256 of its articles, per segment, computed once
 * from the postings and kept until the segment closes or the index's statistics change. Why: for
 * each search Lucene's term scorers decoded the same blocks' impacts (their frequency and length
 * pairs) again and recomputed their best scores, and opened a terms enumerator to do it: about an
 * eighth of a search's CPU at 100k articles (docs/BENCHMARKS.md, "Knowledge speed, eleventh pass").
 * The best scores are exact per block, so nothing is ranked differently.
 */
final class BlockMaxes {
  /**
   * Postings per block: twice Lucene's own skip blocks. MaxScore recomputes its clauses' bounds at
   * each block boundary of the clauses it leads with, and that work, not the bounds' precision, was
   * the larger cost: 256 was 2-4 % faster than 128 and 512 no better (1,024 and 64 slower).
   */
  static final int BLOCK = 256;

  /**
   * Terms with fewer articles in a segment than this are left to Lucene: their few blocks cost
   * little to bound, and most rare words (names, typo expansions, word pairs) are met once (128,
   * 512 and 2,048 measured alike; 1, caching every term, slower).
   */
  static final int MIN_DOCS = 512;

  /** At most this many blocks (12 bytes each) are kept before starting again. */
  private static final long MAX_BLOCKS = 500_000;

  /**
   * One term's blocks in one segment: the last document of each block, its best score at boost 1,
   * and the best score from each block to the end; with the statistics they were computed for.
   */
  record Blocks(int[] ends, float[] best, float[] bestFrom, long docFreq, long docCount, long sum) {
    boolean current(long docFreq, long docCount, long sum) {
      return this.docFreq == docFreq && this.docCount == docCount && this.sum == sum;
    }
  }

  /** What is kept for one segment: its terms' blocks, and its fields' length norms. */
  private static final class Segment {
    final Map<Term, Blocks> terms = new ConcurrentHashMap<>();
    final Map<String, byte[]> norms = new ConcurrentHashMap<>();
  }

  /** A field whose norms do not fit in a byte each (not BM25's): read from the index. */
  private static final byte[] NOT_BYTES = new byte[0];

  private final Map<Object, Segment> perSegment = new ConcurrentHashMap<>();
  private final AtomicLong kept = new AtomicLong();

  private Segment segment(LeafReader reader) {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return null;
    }
    Object key = helper.getKey();
    Segment s = perSegment.get(key);
    if (s == null) {
      Segment fresh = new Segment();
      s = perSegment.putIfAbsent(key, fresh);
      if (s == null) {
        s = fresh;
        helper.addClosedListener(perSegment::remove);
      }
    }
    return s;
  }

  /**
   * The blocks of {@code term} in {@code reader}, {@code te} positioned on it, scored by {@code
   * unit} (the term's scorer at boost 1 for these statistics) if they must be computed.
   */
  Blocks blocks(
      LeafReader reader,
      Term term,
      TermsEnum te,
      Supplier<Similarity.SimScorer> unit,
      long docFreq,
      long docCount,
      long sum)
      throws IOException {
    Segment segment = segment(reader);
    if (segment != null) {
      Blocks b = segment.terms.get(term);
      if (b != null && b.current(docFreq, docCount, sum)) {
        return b;
      }
    }
    Blocks b =
        compute(reader, term, te, unit.get(), norms(reader, term.field()), docFreq, docCount, sum);
    if (segment != null) {
      if (kept.addAndGet(b.ends().length) > MAX_BLOCKS) {
        // A very wide vocabulary: start again rather than grow.
        perSegment.values().forEach(x -> x.terms.clear());
        kept.set(b.ends().length);
      }
      Blocks old = segment.terms.put(term, b);
      if (old != null) {
        kept.addAndGet(-old.ends().length);
      }
    }
    return b;
  }

  /**
   * The length norm of every document of the segment in {@code field}, one byte each, or null where
   * they are not bytes: read once instead of through the index's norms for every article a search
   * scores (a twentieth of a search at 100k). A byte per article and field.
   */
  byte[] norms(LeafReader reader, String field) throws IOException {
    Segment segment = segment(reader);
    byte[] kept = segment == null ? null : segment.norms.get(field);
    if (kept == null) {
      kept = readNorms(reader, field);
      if (segment != null) {
        segment.norms.put(field, kept);
      }
    }
    return kept == NOT_BYTES ? null : kept;
  }

  private static byte[] readNorms(LeafReader reader, String field) throws IOException {
    NumericDocValues norms = reader.getNormValues(field);
    if (norms == null) {
      return NOT_BYTES;
    }
    // 0 where a document has no norm: what Lucene's term scorer reads then (it has no postings).
    byte[] out = new byte[reader.maxDoc()];
    for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
      long v = norms.longValue();
      if (v != (byte) v) {
        return NOT_BYTES;
      }
      out[d] = (byte) v;
    }
    return out;
  }

  /**
   * Document {@code doc}'s length norm as Lucene's term scorer reads it: from the bytes kept for
   * the segment, else from the index (0 for a document without one, 1 for a field without norms).
   */
  static long norm(byte[] lengths, NumericDocValues norms, int doc) throws IOException {
    if (lengths != null) {
      return lengths[doc];
    }
    if (norms == null) {
      return 1L;
    }
    return norms.advanceExact(doc) ? norms.longValue() : 0L;
  }

  private static Blocks compute(
      LeafReader reader,
      Term term,
      TermsEnum te,
      Similarity.SimScorer unit,
      byte[] lengths,
      long docFreq,
      long docCount,
      long sum)
      throws IOException {
    PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
    NumericDocValues norms = lengths == null ? reader.getNormValues(term.field()) : null;
    int n = (te.docFreq() + BLOCK - 1) / BLOCK;
    int[] ends = new int[n];
    float[] best = new float[n];
    int block = 0;
    int inBlock = 0;
    float max = 0;
    int last = -1;
    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
      max = Math.max(max, unit.score(pe.freq(), norm(lengths, norms, d)));
      last = d;
      if (++inBlock == BLOCK) {
        ends[block] = d;
        best[block++] = max;
        inBlock = 0;
        max = 0;
      }
    }
    if (inBlock > 0) {
      ends[block] = last;
      best[block++] = max;
    }
    if (block < n) {
      // docFreq counted more than the postings gave (it cannot, but never index past the end).
      ends = Arrays.copyOf(ends, block);
      best = Arrays.copyOf(best, block);
    }
    float[] bestFrom = new float[block];
    float m = 0;
    for (int i = block - 1; i >= 0; i--) {
      m = Math.max(m, best[i]);
      bestFrom[i] = m;
    }
    return new Blocks(ends, best, bestFrom, docFreq, docCount, sum);
  }
}
