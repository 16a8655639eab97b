package io.frontdesk.knowledge.semantic;

/**
 * Turns a short text (a question, an article title) into a unit-length vector, so the cosine of two
 * texts is their dot product. Implementations are thread-safe.
 */
public interface TextEmbedder {
  /** The setting value that selects this embedder ({@code static}, {@code minilm}). */
  String name();

  int dimensions();

  /** A unit vector; all zeros when no word of the text is known. */
  float[] embed(String text);

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
