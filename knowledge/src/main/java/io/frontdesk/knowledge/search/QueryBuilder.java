package io.frontdesk.knowledge.search;

import io.frontdesk.knowledge.index.ArticleIndex;
import io.frontdesk.knowledge.index.PairFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene query from the user's words without ever parsing them as query syntax: the text
 * is analysed into tokens, tokens are grouped into concepts (a word, or a synonym phrase with its
 * alternatives), and each concept becomes a field-max disjunction across title, tags and body.
 */
public final class QueryBuilder {
  private static final String[] FIELDS = {ArticleIndex.TITLE, ArticleIndex.TAGS, ArticleIndex.BODY};
  private static final List<String> FIELD_LIST = List.of(FIELDS);

  /** One unit of meaning in the question, with the forms that may match it. */
  public record Concept(List<List<String>> forms, boolean synonym, Query query) {}

  /** The built query and its concepts (for the coverage part of the confidence decision). */
  public record Built(Query query, List<Concept> concepts, List<String> tokens) {
    public boolean isEmpty() {
      return concepts.isEmpty();
    }
  }

  /**
   * Words of asking rather than of the need ("I'd like to", "does anyone know an easy way"). Only
   * the query drops them: in an article they are ordinary words.
   */
  private static final String FILLER =
      "like i'd i've i'll know anyone anybody someone somebody able easy easiest easily best way"
          + " ways somehow something really just also tell wonder wondering there's simple simply"
          + " quick quickly possibility functionality method option";

  private final Analyzer analyzer;
  private final RelevanceModel model;
  private final Set<String> filler;
  private final TypoExpansions typos = new TypoExpansions();

  public QueryBuilder(Analyzer analyzer, RelevanceModel model) {
    this.analyzer = analyzer;
    this.model = model;
    this.filler = Set.copyOf(Synonyms.analyze(analyzer, FILLER));
  }

  public Built build(String text, Synonyms synonyms, IndexSearcher searcher) {
    return build(text, synonyms, new TermLookup(searcher));
  }

  /** With the search's own term look-ups, which it goes on using after the query is built. */
  Built build(String text, Synonyms synonyms, TermLookup terms) {
    List<String> tokens = Synonyms.analyze(analyzer, text);
    if (model.dropFiller()) {
      List<String> kept = tokens.stream().filter(t -> !filler.contains(t)).toList();
      // A question made only of filler keeps its words: something is better than nothing.
      tokens = kept.isEmpty() ? tokens : kept;
    }
    List<Concept> concepts = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      List<List<String>> forms = synonyms.match(tokens, i);
      if (forms != null) {
        concepts.add(concept(forms, true, terms));
        i += forms.get(0).size();
      } else {
        concepts.add(concept(List.of(List.of(tokens.get(i))), false, terms));
        i++;
      }
    }
    // The same word twice adds nothing but weight; keep the first.
    List<Concept> unique = new ArrayList<>();
    for (Concept c : concepts) {
      if (unique.stream().noneMatch(u -> u.forms().get(0).equals(c.forms().get(0)))) {
        unique.add(c);
      }
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Concept c : unique) {
      Query q = c.query();
      if (model.rareBoost() > 0) {
        // The rarest words of a question carry its topic: weigh them above what BM25's IDF gives.
        q = new BoostQuery(q, (float) Math.pow(rarity(terms, c), model.rareBoost()));
      }
      all.add(q, BooleanClause.Occur.SHOULD);
    }
    if (tokens.size() >= 2 && tokens.size() <= 12 && model.titlePhraseWeight() > 0) {
      // Words that appear together, as asked, are a strong sign of the same need.
      // Only the title's: the body has no positions. The pairs below stand in for a body phrase,
      // which was also the costliest clause of all at 100k articles.
      all.add(
          new BoostQuery(phrase(ArticleIndex.TITLE, tokens, 2), model.titlePhraseWeight()),
          BooleanClause.Occur.SHOULD);
    }
    if (model.pairWeight() > 0) {
      for (int p = 0; p + 1 < tokens.size() && p < 8; p++) {
        List<String> pair = tokens.subList(p, p + 2);
        if (model.pairTerms() && pair.get(0).equals(pair.get(1))) {
          continue;
        }
        all.add(
            new BoostQuery(
                proximity(terms, ArticleIndex.TITLE, ArticleIndex.TITLE_PAIRS, pair),
                model.pairWeight() * model.titleWeight()),
            BooleanClause.Occur.SHOULD);
        if (model.pairBody()) {
          all.add(
              new BoostQuery(
                  proximity(terms, ArticleIndex.BODY, ArticleIndex.BODY_PAIRS, pair),
                  model.pairWeight() * model.bodyWeight()),
              BooleanClause.Occur.SHOULD);
        }
      }
    }
    return new Built(all.build(), List.copyOf(unique), tokens);
  }

  private Concept concept(List<List<String>> forms, boolean synonym, TermLookup terms) {
    List<Query> alternatives = new ArrayList<>();
    // The same alternatives by field group, for the split scoring (splitBody).
    List<Query> shortFields = new ArrayList<>();
    List<Query> body = new ArrayList<>();
    float[] weights = {model.titleWeight(), model.tagsWeight(), model.bodyWeight()};
    for (int k = 0; k < forms.size(); k++) {
      List<String> form = forms.get(k);
      float formWeight = k == 0 ? 1f : model.synonymWeight();
      if (model.combinedFields() && form.size() == 1) {
        // BM25F: one word's occurrences in title, tags and body count as one field, the title's
        // weighing more, so the body can add to a title match instead of being shadowed by it.
        alternatives.add(new BoostQuery(combined(form.get(0), weights), formWeight));
        continue;
      }
      for (int f = 0; f < FIELDS.length; f++) {
        Query q =
            form.size() == 1 ? terms.query(FIELDS[f], form.get(0)) : formQuery(terms, f, form);
        Query weighed = new BoostQuery(q, weights[f] * formWeight);
        alternatives.add(weighed);
        (f == 2 ? body : shortFields).add(weighed);
      }
    }
    if (!synonym && forms.get(0).size() == 1 && unknown(terms, forms.get(0).get(0))) {
      // Typo tolerance only where it cannot hurt: the word is in no article, so an exact match
      // was never possible. Edits scale with length so short words do not match everything.
      String word = forms.get(0).get(0);
      int edits = word.length() <= 4 ? 1 : 2;
      if (word.length() >= 3) {
        // Expanded here, once, into plain term queries: the search, the coverage check and the
        // highlighter then reuse the expansion instead of each rebuilding the automaton. Nearest
        // first: two edits only for a word with no vocabulary term one edit away.
        List<Query> expansions = typos.nearest(terms.searcher(), FIELD_LIST, word, edits);
        for (int f = 0; f < FIELDS.length; f++) {
          Query expanded = expansions.get(f);
          if (!(expanded instanceof MatchNoDocsQuery)) {
            Query weighed = new BoostQuery(expanded, weights[f] * model.fuzzyWeight());
            alternatives.add(weighed);
            (f == 2 ? body : shortFields).add(weighed);
          }
        }
      }
    }
    Query query;
    if (model.splitBody() > 0
        && !body.isEmpty()
        && !shortFields.isEmpty()
        && body.size() + shortFields.size() == alternatives.size()) {
      query =
          new BooleanQuery.Builder()
              .add(
                  new DisjunctionMaxQuery(shortFields, model.fieldTie()),
                  BooleanClause.Occur.SHOULD)
              .add(
                  new BoostQuery(
                      new DisjunctionMaxQuery(body, model.fieldTie()), model.splitBody()),
                  BooleanClause.Occur.SHOULD)
              .build();
    } else {
      query = new DisjunctionMaxQuery(alternatives, model.fieldTie());
    }
    return new Concept(forms, synonym, query);
  }

  /**
   * A synonym form of several words in field {@code f}. As pair terms rather than a phrase: the
   * body has no positions, and a phrase over it had read the positions of every article with both
   * (common) words, making "share my folder" the slowest question of all at 100k articles
   * (docs/BENCHMARKS.md, "Knowledge speed, sixth pass"). The pairs fields hold neighbouring words
   * of the title and of the body's first {@link
   * io.frontdesk.knowledge.index.KnowledgeAnalyzer#BODY_PAIR_WORDS} words, close to what the phrase
   * (slop 1) matched. The tags, short and not paired, keep the phrase.
   */
  private Query formQuery(TermLookup terms, int f, List<String> form) {
    String pairs = f == 0 ? ArticleIndex.TITLE_PAIRS : f == 2 ? ArticleIndex.BODY_PAIRS : null;
    boolean repeats = false;
    for (int i = 0; i + 1 < form.size(); i++) {
      // The pairs fields never pair a word with itself.
      repeats |= form.get(i).equals(form.get(i + 1));
    }
    if (pairs == null || (repeats && f != 2)) {
      return phrase(FIELDS[f], form, 1);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int paired = 0;
    for (int i = 0; i + 1 < form.size(); i++) {
      // In the body a repeated word's pair is left out, its neighbours' pairs kept: no phrase.
      if (!form.get(i).equals(form.get(i + 1))) {
        b.add(
            terms.query(pairs, PairFilter.pair(form.get(i), form.get(i + 1))),
            BooleanClause.Occur.MUST);
        paired++;
      }
    }
    if (paired == 0) {
      // One word over and over ("x x"): in the body, that word.
      return terms.query(FIELDS[f], form.get(0));
    }
    // A pair term is a hash shared by other pairs now and then (PairFilter): requiring the words
    // themselves keeps an article with a colliding pair from matching a whole synonym. Filters
    // only narrow the matches; the score is the pair terms'.
    for (String w : form) {
      b.add(terms.query(FIELDS[f], w), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  private static Query combined(String word, float[] weights) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder();
    for (int f = 0; f < FIELDS.length; f++) {
      // CombinedFieldQuery takes weights of at least 1: scale so the lightest field weighs 1.
      b.addField(FIELDS[f], weights[f] / Math.min(weights[0], Math.min(weights[1], weights[2])));
    }
    return b.addTerm(new BytesRef(word)).build();
  }

  /** The concept's IDF over the body, relative to a word in one article of ten (1 = that). */
  private static double rarity(TermLookup terms, Concept c) {
    // maxDoc, not numDocs: docFreq still counts deleted documents until a merge drops them.
    int n = Math.max(1, terms.searcher().getIndexReader().maxDoc());
    int df = 0;
    for (String t : c.forms().get(0)) {
      df = Math.max(df, terms.docFreq(ArticleIndex.BODY, t));
    }
    double idf = Math.log(1 + (n - Math.min(df, n) + 0.5) / (df + 0.5));
    double tenth = Math.log(1 + (0.9 * n + 0.5) / (0.1 * n + 0.5));
    return Math.max(0.05, idf / tenth);
  }

  private static boolean unknown(TermLookup terms, String word) {
    for (String f : FIELDS) {
      if (terms.docFreq(f, word) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Two question words close together in {@code field}: a pair term, or a sloppy phrase. */
  private Query proximity(TermLookup terms, String field, String pairsField, List<String> pair) {
    return model.pairTerms()
        ? terms.query(pairsField, PairFilter.pair(pair.get(0), pair.get(1)))
        : phrase(field, pair, model.pairSlop());
  }

  private static Query phrase(String field, List<String> tokens, int slop) {
    PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(slop);
    for (int i = 0; i < tokens.size(); i++) {
      b.add(new Term(field, tokens.get(i)), i);
    }
    return b.build();
  }
}
