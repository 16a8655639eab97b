package io.frontdesk.knowledge.eval;

import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.Synonyms;
import java.nio.file.Path;

/** Developer tool (not a test): prints StackFAQ figures for model variants given as arguments. */
public final class StackFaqTune {
  public static void main(String[] args) throws Exception {
    StackFaq faq = StackFaq.read(Path.of(args[0]));
    for (int i = 1; i < args.length; i++) {
      String[] p = args[i].split(",");
      float[] v = new float[12];
      for (int k = 0; k < 12; k++) {
        v[k] = Float.parseFloat(p[k]);
      }
      RelevanceModel m =
          new RelevanceModel(
              v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], false,
              false, 0f, 0, 0, 0, 0f);
      StackFaqEval e = new StackFaqEval(m, Synonyms.defaults());
      System.out.println(
          args[i] + " " + e.thread(faq).line("thread") + " | " + e.qa(faq).line("qa"));
    }
  }
}
