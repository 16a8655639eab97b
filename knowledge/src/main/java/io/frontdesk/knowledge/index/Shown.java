package io.frontdesk.knowledge.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * What a hit shows of its article (id, title, service, excerpt, and where the excerpt's analysed
 * words are: {@link ExcerptWords}), as one binary doc value per document. Why: reading them as
 * stored fields decompressed a block of neighbouring documents for every hit of every search (0.26
 * ms of a search at 100k articles); a doc value is one seek and a copy (0.02 ms). The excerpt is
 * kept only here; id, title and service are stored fields too.
 *
 * <p>Layout: for each of the five fields in that order, its length in bytes (UTF-8 for the texts)
 * as a variable-length int (7 bits a byte, high bit set when more follow), then the bytes. A null
 * field is written empty.
 */
public record Shown(String id, String title, String service, String excerpt, BytesRef words) {
  public Shown {
    id = id == null ? "" : id;
    title = title == null ? "" : title;
    service = service == null ? "" : service;
    excerpt = excerpt == null ? "" : excerpt;
    words = words == null ? new BytesRef() : words;
  }

  /**
   * What the first {@code count} of {@code docs} show, in their order: one forward pass per segment
   * over them in document order (a doc-values iterator only moves forward).
   */
  public static Shown[] read(IndexReader reader, ScoreDoc[] docs, int count) throws IOException {
    Integer[] byDoc = new Integer[count];
    for (int i = 0; i < count; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
    Shown[] out = new Shown[count];
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (int i : byDoc) {
      int doc = docs[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(ArticleIndex.SHOWN);
      }
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("document " + doc + " has no shown fields");
      }
      out[i] = decode(values.binaryValue());
    }
    return out;
  }

  /** The encoded form, in a new array ({@code words} is only read during the call). */
  public BytesRef encode() {
    byte[][] texts = {utf8(id), utf8(title), utf8(service), utf8(excerpt)};
    int size = 5 + words.length;
    for (byte[] t : texts) {
      size += 5 + t.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] t : texts) {
      at = writeVInt(out, at, t.length);
      System.arraycopy(t, 0, out, at, t.length);
      at += t.length;
    }
    at = writeVInt(out, at, words.length);
    System.arraycopy(words.bytes, words.offset, out, at, words.length);
    return new BytesRef(out, 0, at + words.length);
  }

  /** Decodes what {@link #encode()} wrote; {@code bytes} is only read during the call. */
  public static Shown decode(BytesRef bytes) {
    // Lucene's variable-length ints are the layout's: 7 bits a byte, low bits first.
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    String id = text(bytes.bytes, in);
    String title = text(bytes.bytes, in);
    String service = text(bytes.bytes, in);
    String excerpt = text(bytes.bytes, in);
    // Copied: a doc-values reader reuses its buffer for the next document.
    byte[] words = new byte[in.readVInt()];
    in.readBytes(words, 0, words.length);
    return new Shown(id, title, service, excerpt, new BytesRef(words));
  }

  /** The next length-prefixed UTF-8 text of {@code in}, which reads {@code bytes}. */
  private static String text(byte[] bytes, ByteArrayDataInput in) {
    int length = in.readVInt();
    String s = new String(bytes, in.getPosition(), length, StandardCharsets.UTF_8);
    in.skipBytes(length);
    return s;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code value} as a variable-length int at {@code at}; returns the position after it. */
  static int writeVInt(byte[] out, int at, int value) {
    while ((value & ~0x7F) != 0) {
      out[at++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[at++] = (byte) value;
    return at;
  }
}
