package io.frontdesk.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * An article body analysed once, then replayed to Lucene twice: as the body field's words and as
 * the body pairs field's word pairs (of its first {@link KnowledgeAnalyzer#BODY_PAIR_WORDS} words).
 * Analysing the body a second time for its pairs cost about a sixth of the whole build. One
 * instance per indexing thread, refilled for each article; not thread-safe.
 */
final class AnalyzedBody {
  private final Analyzer analyzer;
  private char[] chars = new char[4096];
  private int[] starts = new int[512];
  private int[] lengths = new int[512];
  private int[] increments = new int[512];
  private int[] startOffsets = new int[512];
  private int[] endOffsets = new int[512];
  private final ExcerptWords.Writer excerptWords = new ExcerptWords.Writer();
  private String text = "";
  private int count;
  private int used;

  AnalyzedBody(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Analyses {@code text} as the body field. */
  void fill(String text) {
    this.text = text;
    count = 0;
    used = 0;
    try (TokenStream ts = analyzer.tokenStream(ArticleIndex.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        add(
            term.buffer(),
            term.length(),
            inc.getPositionIncrement(),
            offset.startOffset(),
            offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(char[] buffer, int length, int increment, int startOffset, int endOffset) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      lengths = Arrays.copyOf(lengths, count * 2);
      increments = Arrays.copyOf(increments, count * 2);
      startOffsets = Arrays.copyOf(startOffsets, count * 2);
      endOffsets = Arrays.copyOf(endOffsets, count * 2);
    }
    if (used + length > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
    }
    System.arraycopy(buffer, 0, chars, used, length);
    starts[count] = used;
    lengths[count] = length;
    increments[count] = increment;
    startOffsets[count] = startOffset;
    endOffsets[count] = endOffset;
    used += length;
    count++;
  }

  /**
   * Where the words of the body's first {@code excerptLength} characters are, and their analysed
   * forms ({@link ExcerptWords}), from this analysis: a view valid until the next call.
   */
  BytesRef excerptWords(int excerptLength) {
    excerptWords.start(text);
    for (int i = 0; i < count && endOffsets[i] <= excerptLength; i++) {
      excerptWords.add(startOffsets[i], endOffsets[i], chars, starts[i], lengths[i]);
    }
    return excerptWords.finish();
  }

  /** The body's words, as the analyzer made them. */
  TokenStream words() {
    return new Replay(false);
  }

  /** The pairs of the body's first words, as {@link PairFilter} would make them. */
  TokenStream pairs() {
    return new Replay(true);
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final boolean pairs;
    private final int[] hashes = new int[KnowledgeAnalyzer.PAIR_WINDOW];
    private final int[] positions = new int[KnowledgeAnalyzer.PAIR_WINDOW];
    private final int[] pending = new int[KnowledgeAnalyzer.PAIR_WINDOW];
    private int pendingCount;
    private int next;
    private int position;

    Replay(boolean pairs) {
      this.pairs = pairs;
    }

    @Override
    public boolean incrementToken() {
      if (!pairs) {
        if (next == count) {
          return false;
        }
        clearAttributes();
        term.copyBuffer(chars, starts[next], lengths[next]);
        inc.setPositionIncrement(increments[next]);
        next++;
        return true;
      }
      int window = KnowledgeAnalyzer.PAIR_WINDOW;
      while (pendingCount == 0) {
        if (next == Math.min(count, KnowledgeAnalyzer.BODY_PAIR_WORDS)) {
          return false;
        }
        position += increments[next];
        int h = PairFilter.hash(chars, starts[next], lengths[next]);
        for (int k = 1; k <= Math.min(window, next); k++) {
          int slot = (next - k) % window;
          if (position - positions[slot] <= KnowledgeAnalyzer.PAIR_GAP && hashes[slot] != h) {
            pending[pendingCount++] = PairFilter.bucket(hashes[slot], h);
          }
        }
        hashes[next % window] = h;
        positions[next % window] = position;
        next++;
      }
      clearAttributes();
      term.setLength(PairFilter.encode(pending[--pendingCount], term.resizeBuffer(3)));
      inc.setPositionIncrement(1);
      return true;
    }

    @Override
    public void reset() {
      next = 0;
      position = 0;
      pendingCount = 0;
    }
  }
}
