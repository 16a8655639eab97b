package io.frontdesk.knowledge.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns analysed words into word pairs: each word paired with each of the next {@code window} words
 * that stand at most {@code maxGap} positions after it (a removed stop word still counts as a
 * position), in either order. The pairs field of an article then answers "are these two question
 * words close together here?" with one term look-up and a frequency, instead of a phrase query
 * checking positions in every candidate (the costliest part of a search at 100k articles,
 * docs/BENCHMARKS.md).
 *
 * <p>A pair's term is a hash of its two words into {@link #BUCKETS} values, not the words
 * themselves: with every pair of a long body a term of its own, the indexing hash table of distinct
 * pairs grew to millions of entries and the build took several times as long. Two unrelated pairs
 * share a term now and then; a pair's clause weighs a tenth of a word's, so such a collision adds a
 * little noise to a few articles' scores.
 */
public final class PairFilter extends TokenFilter {
  /** How many distinct pair terms there can be. */
  public static final int BUCKETS = 1 << 16;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final int window;
  private final int maxGap;
  private final int[] hashes;
  private final int[] positions;
  private final int[] pending;
  private int pendingCount;
  private final int limit;
  private int seen;
  private int position;

  /** Pairs of the first {@code limit} words (0: all). */
  public PairFilter(TokenStream in, int window, int maxGap, int limit) {
    super(in);
    this.limit = limit;
    this.window = window;
    this.maxGap = maxGap;
    this.hashes = new int[Math.max(1, window)];
    this.positions = new int[Math.max(1, window)];
    this.pending = new int[Math.max(1, window)];
  }

  /** The pair term of two words, as the index holds it (order-free). */
  public static String pair(String a, String b) {
    char[] out = new char[3];
    return new String(out, 0, encode(bucket(hash(a, a.length()), hash(b, b.length())), out));
  }

  private static int hash(CharSequence s, int length) {
    int h = 0x9747b28c;
    for (int i = 0; i < length; i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }

  /** The same hash as of a word, over {@code length} chars of {@code chars} from {@code start}. */
  static int hash(char[] chars, int start, int length) {
    int h = 0x9747b28c;
    for (int i = start; i < start + length; i++) {
      h = 31 * h + chars[i];
    }
    return h;
  }

  static int bucket(int h1, int h2) {
    int lo = Math.min(h1, h2);
    int hi = Math.max(h1, h2);
    long x = (lo * 0x9E3779B97F4A7C15L) ^ (hi * 0xC2B2AE3D27D4EB4FL);
    x ^= x >>> 31;
    x *= 0x94D049BB133111EBL;
    x ^= x >>> 29;
    return (int) ((x & Long.MAX_VALUE) % BUCKETS);
  }

  /** Writes the bucket as up to three chars of 8 bits each (plain ASCII-range-free text). */
  static int encode(int bucket, char[] out) {
    out[0] = (char) (0x100 + (bucket & 0xff));
    out[1] = (char) (0x100 + ((bucket >>> 8) & 0xff));
    out[2] = (char) (0x100 + ((bucket >>> 16) & 0xff));
    return 3;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (pendingCount == 0) {
      if (window == 0 || (limit > 0 && seen >= limit) || !input.incrementToken()) {
        return false;
      }
      position += posInc.getPositionIncrement();
      int h = hash(term, term.length());
      for (int k = 1; k <= Math.min(window, seen); k++) {
        int slot = (seen - k) % window;
        if (position - positions[slot] <= maxGap && hashes[slot] != h) {
          pending[pendingCount++] = bucket(hashes[slot], h);
        }
      }
      hashes[seen % window] = h;
      positions[seen % window] = position;
      seen++;
    }
    clearAttributes();
    char[] buffer = term.resizeBuffer(3);
    term.setLength(encode(pending[--pendingCount], buffer));
    posInc.setPositionIncrement(1);
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pendingCount = 0;
    seen = 0;
    position = 0;
  }
}
