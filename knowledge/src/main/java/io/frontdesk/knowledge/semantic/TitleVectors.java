package io.frontdesk.knowledge.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Title vectors for the index, embedded once per distinct text: a rebuild asks for every title
 * again, and embedding is the slow part of indexing with semantic ranking on.
 */
public interface TitleVectors {
  TextEmbedder embedder();

  /** The unit vector of {@code title}, from the cache or embedded now. Thread-safe. */
  float[] vector(String title);

  /** A cache held in memory (evaluation, tests, tools with a throw-away index). */
  static TitleVectors inMemory(TextEmbedder embedder) {
    Map<String, float[]> cache = new ConcurrentHashMap<>();
    return new TitleVectors() {
      @Override
      public TextEmbedder embedder() {
        return embedder;
      }

      @Override
      public float[] vector(String title) {
        return cache.computeIfAbsent(title, embedder::embed);
      }
    };
  }

  /** The cache key of a text for an embedder: SHA-256 of the embedder's name and the text. */
  static String key(TextEmbedder embedder, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(embedder.name().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
