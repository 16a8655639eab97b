package io.frontdesk.knowledge.semantic;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2 (quantised, ONNX Runtime in process): a 384-dimension sentence embedding, a few
 * ms per short text on a quiet core. The model and ONNX Runtime are an optional dependency: the
 * server jar has them only when deploy is built with {@code -Psemantic}.
 */
public final class MiniLmEmbedder implements TextEmbedder {
  private final AllMiniLmL6V2QuantizedEmbeddingModel model =
      new AllMiniLmL6V2QuantizedEmbeddingModel();

  @Override
  public String name() {
    return "minilm";
  }

  @Override
  public int dimensions() {
    return 384;
  }

  @Override
  public float[] embed(String text) {
    float[] v = model.embed(text).content().vector();
    double norm = Math.sqrt(TextEmbedder.dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
    return v;
  }
}
