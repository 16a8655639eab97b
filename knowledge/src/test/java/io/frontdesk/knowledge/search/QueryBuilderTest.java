package io.frontdesk.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.frontdesk.knowledge.Audience;
import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.IndexedArticle;
import io.frontdesk.knowledge.index.KnowledgeAnalyzer;
import io.frontdesk.knowledge.index.PairFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query a question becomes: a multi-word synonym form is looked up in the title and body as
 * pair terms with its words as filters, and as a phrase only in the tags.
 */
class QueryBuilderTest {
  static ArticleIndex index;
  static Synonyms synonyms;

  @BeforeAll
  static void build() {
    index = ArticleIndex.inMemory(new KnowledgeAnalyzer(), RelevanceModel.PRODUCTION.similarity());
    index.addAll(
        List.of(
            article("a1", "Map a network drive", "Open Explorer and map the network drive."),
            article(
                "a2",
                "Network printer drivers",
                "Install the drive, then check that the printer is on the network."),
            article("a3", "Share a folder", "Right-click the folder and choose share."),
            article("a4", "Reset your password", "Use the portal to reset it.")));
    index.awaitSearchable(index.latestGeneration());
    synonyms = new Synonyms(Synonyms.defaults(), index.analyzer());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static IndexedArticle article(String id, String title, String body) {
    return new IndexedArticle(id, title, List.of(), body, "IT", Audience.STAFF, 1);
  }

  static QueryBuilder.Built built(RelevanceModel model, String text) {
    IndexSearcher searcher = index.acquire();
    try {
      return new QueryBuilder(index.analyzer(), model).build(text, synonyms, searcher);
    } finally {
      index.release(searcher);
    }
  }

  /** The per-field queries of a concept's field-max disjunction(s), boosts taken off. */
  static List<Query> alternatives(QueryBuilder.Concept c) {
    List<Query> out = new ArrayList<>();
    for (DisjunctionMaxQuery group : groups(c)) {
      for (Query q : group.getDisjuncts()) {
        out.add(q instanceof BoostQuery b ? b.getQuery() : q);
      }
    }
    return out;
  }

  /** A concept's field-max disjunctions: one, or the split title-and-tags and body groups. */
  static List<DisjunctionMaxQuery> groups(QueryBuilder.Concept c) {
    if (c.query() instanceof DisjunctionMaxQuery d) {
      return List.of(d);
    }
    List<DisjunctionMaxQuery> out = new ArrayList<>();
    for (BooleanClause cl : ((BooleanQuery) c.query()).clauses()) {
      Query q = cl.getQuery();
      out.add((DisjunctionMaxQuery) (q instanceof BoostQuery b ? b.getQuery() : q));
    }
    return out;
  }

  @Test
  void aWordScoresItsTitleAndTagsGroupPlusItsBodyGroup() {
    QueryBuilder.Concept c = built(RelevanceModel.PRODUCTION, "printer").concepts().get(0);
    BooleanQuery sum = (BooleanQuery) c.query();
    assertThat(sum.clauses())
        .hasSize(2)
        .allMatch(cl -> cl.getOccur() == BooleanClause.Occur.SHOULD);
    List<DisjunctionMaxQuery> groups = groups(c);
    assertThat(fields(groups.get(0)))
        .containsExactlyInAnyOrder(ArticleIndex.TITLE, ArticleIndex.TAGS);
    assertThat(fields(groups.get(1))).containsExactly(ArticleIndex.BODY);
    assertThat(((BoostQuery) sum.clauses().get(1).getQuery()).getBoost())
        .isEqualTo(RelevanceModel.PRODUCTION.splitBody());

    // Switched off: one field-max disjunction over the three fields.
    QueryBuilder.Concept one =
        built(RelevanceModel.PRODUCTION.withSplitBody(0), "printer").concepts().get(0);
    assertThat(one.query()).isInstanceOf(DisjunctionMaxQuery.class);
    assertThat(fields(one.query()))
        .containsExactlyInAnyOrder(ArticleIndex.TITLE, ArticleIndex.TAGS, ArticleIndex.BODY);
  }

  static Set<String> fields(Query q) {
    Set<Term> terms = new HashSet<>();
    q.visit(org.apache.lucene.search.QueryVisitor.termCollector(terms));
    Set<String> out = new HashSet<>();
    terms.forEach(t -> out.add(t.field()));
    return out;
  }

  @Test
  void aSynonymPhraseBecomesPairTermsInTitleAndBodyAndAPhraseInTags() {
    QueryBuilder.Built b = built(RelevanceModel.PRODUCTION, "How do I share my folder?");
    assertThat(b.concepts()).hasSize(1);
    QueryBuilder.Concept c = b.concepts().get(0);
    assertThat(c.synonym()).isTrue();
    List<Query> alts = alternatives(c);
    // Every form of the group, each in title, tags and body.
    assertThat(alts).hasSize(3 * c.forms().size());
    List<Query> phrases = alts.stream().filter(q -> q instanceof PhraseQuery).toList();
    assertThat(phrases).isNotEmpty().allMatch(q -> fields(q).equals(Set.of(ArticleIndex.TAGS)));

    // "share folder" itself: in the title, its pair term scores and its two words must be there.
    Query shareFolder =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(
                    new Term(ArticleIndex.TITLE_PAIRS, PairFilter.pair("share", "folder"))),
                BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(ArticleIndex.TITLE, "share")), BooleanClause.Occur.FILTER)
            .add(new TermQuery(new Term(ArticleIndex.TITLE, "folder")), BooleanClause.Occur.FILTER)
            .build();
    assertThat(alts).contains(shareFolder);
    // Each term comes with its statistics, looked up once for the whole search (TermLookup).
    BooleanQuery title = (BooleanQuery) alts.get(alts.indexOf(shareFolder));
    assertThat(title.clauses())
        .allSatisfy(cl -> assertThat(((TermQuery) cl.getQuery()).getTermStates()).isNotNull());
    // Every form ("share drive", "network drive", "s drive", "share folder") has its title and
    // body pairs.
    assertThat(alts.stream().filter(q -> fields(q).contains(ArticleIndex.TITLE_PAIRS)))
        .hasSize(c.forms().size());
    assertThat(
            alts.stream()
                .filter(q -> fields(q).equals(Set.of(ArticleIndex.BODY_PAIRS, ArticleIndex.BODY))))
        .hasSize(c.forms().size());
  }

  @Test
  void aBodyFormWithARepeatedWordIsNeverAPhrase() {
    // The body is indexed without positions: a phrase there would fail the search.
    Synonyms repeated =
        new Synonyms(
            List.of(new Synonyms.Group("g", List.of("drive drive map", "mapping"))),
            index.analyzer());
    IndexSearcher searcher = index.acquire();
    QueryBuilder.Built b;
    try {
      b =
          new QueryBuilder(index.analyzer(), RelevanceModel.PRODUCTION)
              .build("mapping", repeated, searcher);
    } finally {
      index.release(searcher);
    }
    List<Query> body =
        alternatives(b.concepts().get(0)).stream()
            .filter(q -> fields(q).contains(ArticleIndex.BODY))
            .toList();
    assertThat(body).noneMatch(q -> q instanceof PhraseQuery);
    // The repeated word's own pair is left out; its neighbour's pair stays.
    assertThat(body)
        .anySatisfy(
            q ->
                assertThat(q.toString())
                    .contains(ArticleIndex.BODY_PAIRS + ":" + PairFilter.pair("drive", "map")));
    SearchEngine engine =
        new SearchEngine(
            index, RelevanceModel.PRODUCTION, () -> repeated, Confidence.PRODUCTION, "");
    assertThat(engine.search("mapping", Audience.STAFF, 10, null, true).hits())
        .extracting(SearchHit::id)
        .contains("a1");
  }

  @Test
  void aTitlePhraseWeightOfZeroLeavesThePhraseOut() {
    RelevanceModel noPhrase =
        new RelevanceModel(
            3.0f, 2.0f, 1.0f, 0.8f, 0.6f, 0.3f, 0f, 1.2f, 0.5f, 1.2f, 0.75f, false, false, 0.1f, 2,
            true, true, 0.25f, 0, 0, 0f, 0.7f);
    assertThat(titlePhrases(built(RelevanceModel.PRODUCTION, "reset printer password")))
        .isEqualTo(1);
    // Not a clause that scores nothing: no clause, so the search does not build its weight.
    assertThat(titlePhrases(built(noPhrase, "reset printer password"))).isZero();
  }

  private static long titlePhrases(QueryBuilder.Built b) {
    return ((BooleanQuery) b.query())
        .clauses().stream()
            .map(BooleanClause::getQuery)
            .map(q -> q instanceof BoostQuery bq ? bq.getQuery() : q)
            .filter(q -> q instanceof PhraseQuery p && p.getField().equals(ArticleIndex.TITLE))
            .count();
  }

  @Test
  void aModelAskingForBodyPhrasesIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new RelevanceModel(
                    3.0f, 2.0f, 1.0f, 0.8f, 0.6f, 0.3f, 1.0f, 1.2f, 0.5f, 1.2f, 0.75f, false, false,
                    0.1f, 2, true, false, 0.25f, 0, 0, 0f, 0.7f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without positions");
  }

  @Test
  void theSynonymFindsNeighbouringWordsOnly() {
    SearchEngine engine =
        new SearchEngine(
            index, RelevanceModel.PRODUCTION, () -> synonyms, Confidence.PRODUCTION, "");
    List<String> ids =
        engine.search("share my folder", Audience.STAFF, 10, null, true).hits().stream()
            .map(SearchHit::id)
            .toList();
    // "network drive" (a form of the group) stands together in a1; a2 has both words apart.
    assertThat(ids).containsExactlyInAnyOrder("a3", "a1");
    assertThat(ids.get(0)).isEqualTo("a3");
  }
}
