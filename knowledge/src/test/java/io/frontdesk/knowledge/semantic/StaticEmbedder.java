package io.frontdesk.knowledge.semantic;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A static embedding distilled from all-MiniLM-L6-v2 (model2vec-style, no training): every
 * vocabulary token was run alone through the model once, the vectors reduced by PCA and scaled by a
 * Zipf weight, so a text's vector is the normalised sum of its tokens' rows. Microseconds per text,
 * no model at run time.
 *
 * <p>Table format ({@code FDSE}): magic, int vocabulary size V, int dimensions D (big-endian), V
 * tokens (unsigned short length + UTF-8), then V×D big-endian floats.
 */
public final class StaticEmbedder implements TextEmbedder {
  private final WordPiece tokenizer;
  private final float[] rows;
  private final int dims;

  private StaticEmbedder(WordPiece tokenizer, float[] rows, int dims) {
    this.tokenizer = tokenizer;
    this.rows = rows;
    this.dims = dims;
  }

  public static StaticEmbedder read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    byte[] magic = in.readNBytes(4);
    if (!"FDSE".equals(new String(magic, StandardCharsets.US_ASCII))) {
      throw new IOException("not a static embedding table (FDSE)");
    }
    int v = in.readInt();
    int d = in.readInt();
    Map<String, Integer> vocab = new HashMap<>(v * 2);
    for (int i = 0; i < v; i++) {
      byte[] b = in.readNBytes(in.readUnsignedShort());
      vocab.put(new String(b, StandardCharsets.UTF_8), i);
    }
    float[] rows = new float[v * d];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = in.readFloat();
    }
    return new StaticEmbedder(new WordPiece(vocab), rows, d);
  }

  @Override
  public String name() {
    return "static";
  }

  @Override
  public int dimensions() {
    return dims;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[dims];
    List<Integer> ids = tokenizer.ids(text);
    for (int id : ids) {
      int base = id * dims;
      for (int d = 0; d < dims; d++) {
        v[d] += rows[base + d];
      }
    }
    double norm = Math.sqrt(TextEmbedder.dot(v, v));
    if (norm > 0) {
      for (int d = 0; d < dims; d++) {
        v[d] /= norm;
      }
    }
    return v;
  }
}
