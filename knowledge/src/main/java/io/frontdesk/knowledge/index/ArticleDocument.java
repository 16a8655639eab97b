package io.frontdesk.knowledge.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The Lucene document of one article. A bulk load keeps one per indexing thread and refills its
 * fields for each article ({@code IndexWriter.addDocument} is done with a document when it
 * returns), instead of allocating eight fields and a document per article.
 */
final class ArticleDocument {
  /** How much of the body a snippet can come from, in characters. */
  static final int EXCERPT_CHARS = 1500;

  private final Document doc = new Document();
  private final StringField id = new StringField(ArticleIndex.ID, "", Field.Store.YES);
  private final TextField title = new TextField(ArticleIndex.TITLE, "", Field.Store.YES);
  private final TextField tags = new TextField(ArticleIndex.TAGS, "", Field.Store.YES);
  private final TextField body = new TextField(ArticleIndex.BODY, "", Field.Store.NO);
  private final StoredField excerpt = new StoredField(ArticleIndex.EXCERPT, "");
  private final StoredField service = new StoredField(ArticleIndex.SERVICE, "");
  private final StringField audience = new StringField(ArticleIndex.AUDIENCE, "", Field.Store.YES);
  private final StoredField seq = new StoredField(ArticleIndex.SEQ, 0L);

  ArticleDocument() {
    doc.add(id);
    doc.add(title);
    doc.add(tags);
    doc.add(body);
    doc.add(excerpt);
    doc.add(service);
    doc.add(audience);
    doc.add(seq);
  }

  /** This document, refilled with {@code a}; valid until the next call. */
  Document fill(IndexedArticle a) {
    id.setStringValue(a.id());
    title.setStringValue(a.title());
    tags.setStringValue(String.join(" ; ", a.tags()));
    body.setStringValue(a.body());
    excerpt.setStringValue(excerpt(a.body()));
    service.setStringValue(a.service() == null ? "" : a.service());
    audience.setStringValue(a.audience().wire());
    seq.setLongValue(a.seq());
    return doc;
  }

  /** A new document for one article (single updates). */
  static Document of(IndexedArticle a) {
    return new ArticleDocument().fill(a);
  }

  static String excerpt(String body) {
    if (body.length() <= EXCERPT_CHARS) {
      return body;
    }
    int cut = body.lastIndexOf(' ', EXCERPT_CHARS);
    return body.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS);
  }
}
