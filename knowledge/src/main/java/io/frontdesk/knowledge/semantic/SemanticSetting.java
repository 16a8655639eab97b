package io.frontdesk.knowledge.semantic;

import io.frontdesk.core.config.ConfigException;
import io.frontdesk.core.config.Settings;
import java.util.Set;

/**
 * {@code FRONTDESK_KB_SEMANTIC}: which semantic ranking is fused into the lexical one. {@code off}
 * (the default): lexical only. {@code minilm}: all-MiniLM-L6-v2 title embeddings, which needs the
 * model and ONNX Runtime on the class path (deploy built with {@code -Psemantic}). {@code static}
 * names the distilled static embedding that was measured and not shipped (docs/KNOWLEDGE.md): it is
 * refused with that reason rather than silently treated as off.
 */
public record SemanticSetting(String mode) {
  public static final String KEY = "FRONTDESK_KB_SEMANTIC";
  public static final String DEFAULT = "off";
  static final String MINILM_CLASS =
      "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel";

  public static SemanticSetting load(Settings settings) {
    return new SemanticSetting(settings.oneOf(KEY, DEFAULT, Set.of("off", "static", "minilm")));
  }

  public boolean on() {
    return !mode.equals("off");
  }

  /**
   * Fails with a message naming the setting when the chosen embedding cannot run here. Call before
   * building the embedder.
   */
  public SemanticSetting check() {
    if (mode.equals("static")) {
      throw new ConfigException(
          KEY
              + "=static is not offered: the distilled static embedding lowered StackFAQ MAP when"
              + " fused (docs/KNOWLEDGE.md). Use minilm or off");
    }
    if (mode.equals("minilm") && !available(MINILM_CLASS)) {
      throw new ConfigException(
          KEY
              + "=minilm needs the all-MiniLM-L6-v2 model and ONNX Runtime on the class path:"
              + " build the server with ./mvnw -Psemantic -DskipTests package");
    }
    return this;
  }

  private static boolean available(String className) {
    try {
      Class.forName(className, false, SemanticSetting.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
