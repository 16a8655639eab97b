package io.frontdesk.knowledge.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.vertx.core.json.JsonObject;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Step one of the static distillation: every vocabulary token alone through MiniLM. */
public final class StaticDistill {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    ClassLoader cl = StaticDistill.class.getClassLoader();
    JsonObject tok;
    try (InputStream in = cl.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      tok = new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    JsonObject vocab = tok.getJsonObject("model").getJsonObject("vocab");
    int v = vocab.size();
    String[] words = new String[v];
    for (Map.Entry<String, Object> e : vocab) {
      words[((Number) e.getValue()).intValue()] = e.getKey();
    }
    Files.write(out.resolve("vocab.txt"), java.util.Arrays.asList(words));
    byte[] model;
    try (InputStream in = cl.getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
      model = in.readAllBytes();
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int cls = vocab.getInteger("[CLS]");
    int sep = vocab.getInteger("[SEP]");
    try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions());
        DataOutputStream mean =
            new DataOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(out.resolve("mean.f32"))));
        DataOutputStream mid =
            new DataOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(out.resolve("mid.f32"))))) {
      System.out.println("inputs " + s.getInputNames() + " outputs " + s.getOutputNames());
      int batch = 512;
      long t0 = System.nanoTime();
      for (int start = 0; start < v; start += batch) {
        int n = Math.min(batch, v - start);
        long[][] ids = new long[n][3];
        long[][] mask = new long[n][3];
        long[][] type = new long[n][3];
        for (int i = 0; i < n; i++) {
          ids[i] = new long[] {cls, start + i, sep};
          mask[i] = new long[] {1, 1, 1};
        }
        try (OnnxTensor a = OnnxTensor.createTensor(env, ids);
            OnnxTensor b = OnnxTensor.createTensor(env, mask);
            OnnxTensor c = OnnxTensor.createTensor(env, type);
            OrtSession.Result r =
                s.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
          float[][][] h = (float[][][]) r.get(0).getValue();
          for (int i = 0; i < n; i++) {
            for (int d = 0; d < h[i][0].length; d++) {
              mean.writeFloat((h[i][0][d] + h[i][1][d] + h[i][2][d]) / 3f);
              mid.writeFloat(h[i][1][d]);
            }
          }
        }
      }
      System.out.printf("%d tokens in %.1f s%n", v, (System.nanoTime() - t0) / 1e9);
    }
  }
}
