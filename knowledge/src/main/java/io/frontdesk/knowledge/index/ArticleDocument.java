package io.frontdesk.knowledge.index;

import io.frontdesk.knowledge.semantic.TitleVectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene document of one article. A bulk load keeps one per indexing thread and refills its
 * fields for each article ({@code IndexWriter.addDocument} is done with a document when it
 * returns), instead of allocating eight fields and a document per article.
 */
final class ArticleDocument {
  /** How much of the body a snippet can come from, in characters. */
  static final int EXCERPT_CHARS = 1500;

  /**
   * The body and the word pairs: counted per article (BM25 needs the frequency and length), never
   * positioned. Nothing reads a body position: proximity is the pairs fields' terms, a multi-word
   * synonym in the body is its pair terms (QueryBuilder), and snippets mark the words kept with the
   * excerpt ({@link ExcerptWords}). Writing the body's positions was about 8 % of the build's CPU
   * and of the index (docs/BENCHMARKS.md, "Knowledge speed, tenth pass"); the title and tags keep
   * theirs for the title phrase and tag synonyms.
   */
  private static final FieldType COUNTED = countedType();

  private final Document doc = new Document();
  private final StringField id = new StringField(ArticleIndex.ID, "", Field.Store.YES);
  private final TextField title = new TextField(ArticleIndex.TITLE, "", Field.Store.YES);
  private final TextField tags = new TextField(ArticleIndex.TAGS, "", Field.Store.YES);
  private final AnalyzedBody analyzed;
  private final Field body;
  private final Field titlePairs = new Field(ArticleIndex.TITLE_PAIRS, "", COUNTED);
  private final Field bodyPairs;
  private final StoredField service = new StoredField(ArticleIndex.SERVICE, "");
  private final StringField audience = new StringField(ArticleIndex.AUDIENCE, "", Field.Store.YES);
  private final StoredField seq = new StoredField(ArticleIndex.SEQ, 0L);
  private final BinaryDocValuesField shown =
      new BinaryDocValuesField(ArticleIndex.SHOWN, new BytesRef());
  private final TitleVectors vectors;
  private final BinaryDocValuesField titleVector;

  /** With {@code vectors} null, no title vector (semantic ranking off). */
  ArticleDocument(Analyzer analyzer, TitleVectors vectors) {
    this.vectors = vectors;
    this.analyzed = new AnalyzedBody(analyzer);
    this.body = new Field(ArticleIndex.BODY, analyzed.words(), COUNTED);
    this.bodyPairs = new Field(ArticleIndex.BODY_PAIRS, analyzed.pairs(), COUNTED);
    this.titleVector =
        vectors == null
            ? null
            : new BinaryDocValuesField(ArticleIndex.TITLE_VECTOR, new BytesRef());
    if (titleVector != null) {
      doc.add(titleVector);
    }
    doc.add(id);
    doc.add(title);
    doc.add(tags);
    doc.add(body);
    doc.add(titlePairs);
    doc.add(bodyPairs);
    doc.add(service);
    doc.add(audience);
    doc.add(seq);
    doc.add(shown);
  }

  /** This document, refilled with {@code a}; valid until the next call. */
  Document fill(IndexedArticle a) {
    id.setStringValue(a.id());
    title.setStringValue(a.title());
    tags.setStringValue(String.join(" ; ", a.tags()));
    // The body's words and pairs come from one analysis of it.
    analyzed.fill(a.body());
    body.setTokenStream(analyzed.words());
    titlePairs.setStringValue(a.title());
    bodyPairs.setTokenStream(analyzed.pairs());
    service.setStringValue(a.service() == null ? "" : a.service());
    String excerpt = excerpt(a.body());
    shown.setBytesValue(
        new Shown(a.id(), a.title(), a.service(), excerpt, analyzed.excerptWords(excerpt.length()))
            .encode());
    audience.setStringValue(a.audience().wire());
    seq.setLongValue(a.seq());
    if (titleVector != null) {
      titleVector.setBytesValue(TitleVectors.encode(vectors.vector(a.title())));
    }
    return doc;
  }

  /** A new document for one article (single updates). */
  static Document of(IndexedArticle a, Analyzer analyzer, TitleVectors vectors) {
    return new ArticleDocument(analyzer, vectors).fill(a);
  }

  private static FieldType countedType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.setTokenized(true);
    t.freeze();
    return t;
  }

  static String excerpt(String body) {
    if (body.length() <= EXCERPT_CHARS) {
      return body;
    }
    int cut = body.lastIndexOf(' ', EXCERPT_CHARS);
    return body.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS);
  }
}
