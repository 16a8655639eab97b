package io.frontdesk.knowledge.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Precision and recall of the confident-answer rule over a grid of thresholds, from StackFAQ runs
 * where each question is asked once with its thread (answerable) and once without (unanswerable).
 */
public final class ConfidenceReport {
  private ConfidenceReport() {}

  public static void print(List<StackFaqEval.Observation> obs, PrintStream out) {
    long answerable = obs.stream().filter(StackFaqEval.Observation::answerable).count();
    long unanswerable = obs.size() - answerable;
    out.println(
        "minCoverage minMargin answered precision recall wrongConfident falseOnUnanswerable");
    for (double cov : new double[] {0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0}) {
      for (double margin : new double[] {0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4}) {
        long correct = 0;
        long wrong = 0;
        long falseUnans = 0;
        for (StackFaqEval.Observation o : obs) {
          boolean confident =
              o.features().agrees()
                  && o.features().coverage() >= cov
                  && o.features().margin() >= margin
                  && o.features().topScore() > 0;
          if (!confident) {
            continue;
          }
          if (o.answerable() && o.topCorrect()) {
            correct++;
          } else {
            wrong++;
            if (!o.answerable()) {
              falseUnans++;
            }
          }
        }
        long answered = correct + wrong;
        out.printf(
            Locale.ROOT,
            "%.2f %.2f %.3f %.3f %.3f %.3f %.3f%n",
            cov,
            margin,
            (double) answered / obs.size(),
            answered == 0 ? 1.0 : (double) correct / answered,
            (double) correct / answerable,
            (double) (wrong - falseUnans) / answerable,
            (double) falseUnans / unanswerable);
      }
    }
  }
}
