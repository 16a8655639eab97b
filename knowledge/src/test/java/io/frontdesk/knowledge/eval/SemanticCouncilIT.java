package io.frontdesk.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.core.io.Directories;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.search.Confidence;
import io.frontdesk.knowledge.search.RelevanceModel;
import io.frontdesk.knowledge.search.Synonyms;
import io.frontdesk.knowledge.semantic.MiniLmEmbedder;
import io.frontdesk.knowledge.semantic.SemanticRanker;
import io.frontdesk.knowledge.semantic.TitleVectors;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The council question set with {@code FRONTDESK_KB_SEMANTIC=minilm} (the real model, which is
 * knowledge's optional dependency and so on its test class path): the semantic ranking must not
 * cost the regression what {@link CouncilQuestionsIT} guards, and must keep its recall@3 gain
 * (0.975 measured against lexical 0.959; docs/BENCHMARKS.md).
 */
class SemanticCouncilIT {
  static CouncilEval.Report report;

  @BeforeAll
  static void run() throws IOException {
    List<String> articles = new ArrayList<>();
    for (String name : resource("demo/articles/INDEX").split("\n")) {
      if (!name.isBlank()) {
        articles.add(resource("demo/articles/" + name.strip()));
      }
    }
    report =
        new CouncilEval(
                RelevanceModel.PRODUCTION,
                Confidence.PRODUCTION,
                Synonyms.defaults(),
                KnowledgeAnalyzer::new,
                SemanticRanker.standard(TitleVectors.inMemory(new MiniLmEmbedder())))
            .run(articles, CouncilEval.parse(resource("eval/council-questions.tsv")));
    System.out.println("semantic " + report.line());
  }

  /**
   * ONNX Runtime (1.20) copies its native libraries into a new {@code onnxruntime-java*} directory
   * under java.io.tmpdir and marks the files, then the directory, for deletion at exit; the JVM
   * deletes in reverse order, tries the directory while the libraries are still in it, and leaves
   * it behind, empty, on every run. A loaded library may be unlinked on Linux: remove the directory
   * now. Its path is a private field of the library's loader, read by reflection; a version without
   * that field leaves the directory as before.
   */
  @AfterAll
  static void removeOnnxRuntimeLibraries() throws ReflectiveOperationException {
    Class<?> loader;
    try {
      loader = Class.forName("ai.onnxruntime.OnnxRuntime");
    } catch (ClassNotFoundException e) {
      return;
    }
    Field dir;
    try {
      dir = loader.getDeclaredField("tempDirectory");
    } catch (NoSuchFieldException e) {
      return;
    }
    dir.setAccessible(true);
    if (dir.get(null) instanceof Path extracted) {
      Directories.deleteTree(extracted);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SemanticCouncilIT.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theRightArticleComesFirstOrNearTheTop() {
    assertThat(report.top1()).as("top-1").isGreaterThanOrEqualTo(0.88);
    assertThat(report.recall3()).as("recall@3").isGreaterThanOrEqualTo(0.965);
  }

  @Test
  void confidentAnswersAreRarelyWrongAndUnanswerableOnesDeclined() {
    assertThat(report.confidentWrong()).as("confident and wrong").isLessThanOrEqualTo(0.02);
    assertThat(report.confidentRight()).as("answered outright").isGreaterThanOrEqualTo(0.55);
    assertThat(report.declined()).as("unanswerable declined").isGreaterThanOrEqualTo(0.97);
  }
}
