package io.frontdesk.knowledge.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * Where the analysed words of a hit's excerpt are, kept with it ({@link Shown}) so that a snippet
 * marks the question's words without analysing the excerpt again. Why: running the whole analysis
 * chain (tokenizer, folding, stop words, Porter) over each shown hit's excerpt was about a seventh
 * of a search's CPU at 100k articles (docs/BENCHMARKS.md, "Knowledge speed, ninth pass"); the body
 * is analysed once at indexing anyway ({@link AnalyzedBody}), and its first words are the
 * excerpt's.
 *
 * <p>Layout, one entry per word in text order: the gap from the end of the previous word to this
 * word's start (a variable-length int, 7 bits a byte), then its length in characters shifted left
 * once, with the low bit set when the analysed form is not simply the text lowercased; only then
 * does the analysed form follow, as its UTF-8 length and bytes. Most words are their own analysed
 * form: such a word costs two bytes, and a word 3.3 bytes on average in the synthetic articles. A
 * word cut by the end of the excerpt (an excerpt cut inside a word, which happens only with no
 * space to cut at) is left out.
 */
public final class ExcerptWords {
  private ExcerptWords() {}

  /** The entries of a whole text, analysed now as the body field (tests and tools). */
  public static BytesRef of(Analyzer analyzer, String text) {
    AnalyzedBody body = new AnalyzedBody(analyzer);
    body.fill(text);
    return BytesRef.deepCopyOf(body.excerptWords(text.length()));
  }

  /**
   * Builds the entries for one excerpt; one per indexing thread, reused for each article. Not
   * thread-safe.
   */
  static final class Writer {
    private byte[] out = new byte[1024];
    private byte[] utf8 = new byte[64];
    private int at;
    private int previousEnd;
    private String text;

    /** Starts the entries of words of {@code text} (the caller adds only the excerpt's). */
    void start(String text) {
      this.text = text;
      at = 0;
      previousEnd = 0;
    }

    /** A word at [start, end) whose analysed form is {@code term[off, off + length)}. */
    void add(int start, int end, char[] term, int off, int length) {
      if (start < previousEnd || end < start || end > text.length()) {
        // Not from a left-to-right tokenizer over this text: a snippet could not use it.
        return;
      }
      boolean plain = isLowercased(term, off, length, start, end);
      ensure(10 + (plain ? 0 : 5 + length * 3));
      at = Shown.writeVInt(out, at, start - previousEnd);
      at = Shown.writeVInt(out, at, ((end - start) << 1) | (plain ? 0 : 1));
      if (!plain) {
        if (utf8.length < UnicodeUtil.maxUTF8Length(length)) {
          utf8 = new byte[UnicodeUtil.maxUTF8Length(length)];
        }
        int n = UnicodeUtil.UTF16toUTF8(term, off, length, utf8);
        at = Shown.writeVInt(out, at, n);
        System.arraycopy(utf8, 0, out, at, n);
        at += n;
      }
      previousEnd = end;
    }

    /** The entries so far: a view of this writer's buffer, valid until the next {@link #start}. */
    BytesRef finish() {
      return new BytesRef(out, 0, at);
    }

    /**
     * Whether the term is the text lowercased code point by code point, the way both Lucene's
     * LowerCaseFilter and a case-insensitive {@link CharArraySet} lowercase.
     */
    private boolean isLowercased(char[] term, int off, int length, int start, int end) {
      if (end - start != length) {
        return false;
      }
      for (int i = 0; i < length; ) {
        int c = Character.codePointAt(text, start + i);
        int t = Character.codePointAt(term, off + i, off + length);
        if (Character.toLowerCase(c) != t) {
          return false;
        }
        i += Character.charCount(c);
      }
      return true;
    }

    private void ensure(int more) {
      if (at + more > out.length) {
        out = ArrayUtil.grow(out, at + more);
      }
    }
  }

  /**
   * The [start, end) offsets in {@code excerpt} of its words whose analysed form is in {@code
   * terms}, in text order, up to {@code window} characters past the first one (nothing further can
   * be shown). {@code terms} must ignore case: a plain word is looked up as it is written.
   */
  public static List<int[]> matches(
      BytesRef words, String excerpt, CharArraySet terms, int window) {
    List<int[]> marks = new ArrayList<>();
    // Lucene's variable-length ints are the layout's: 7 bits a byte, low bits first.
    ByteArrayDataInput in = new ByteArrayDataInput(words.bytes, words.offset, words.length);
    int end = 0;
    char[] chars = new char[64];
    while (!in.eof()) {
      int start = end + in.readVInt();
      int lengthAndFlag = in.readVInt();
      end = start + (lengthAndFlag >>> 1);
      if (!marks.isEmpty() && start > marks.get(0)[0] + window) {
        break;
      }
      boolean plain = (lengthAndFlag & 1) == 0;
      int n = plain ? end - start : in.readVInt();
      if (chars.length < n) {
        chars = new char[ArrayUtil.oversize(n, Character.BYTES)];
      }
      boolean found;
      if (plain) {
        excerpt.getChars(start, end, chars, 0);
        found = terms.contains(chars, 0, n);
      } else {
        int at = in.getPosition();
        found = terms.contains(chars, 0, UnicodeUtil.UTF8toUTF16(words.bytes, at, n, chars));
        in.skipBytes(n);
      }
      if (found) {
        marks.add(new int[] {start, end});
      }
    }
    return marks;
  }
}
