package io.frontdesk.knowledge.semantic;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.ByteBuffer;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Title vectors cached in the store ({@code kb_embeddings}: the SHA-256 of embedder and text as
 * {@code _id}, the floats as binary), so a rebuild of the index, in this process or another, does
 * not embed a title it has embedded before. Blocking: called from the indexing threads.
 */
public final class StoredTitleVectors implements TitleVectors {
  public static final String COLLECTION = "kb_embeddings";
  private final TextEmbedder embedder;
  private final MongoCollection<Document> vectors;

  public StoredTitleVectors(TextEmbedder embedder, MongoDatabase db) {
    this.embedder = embedder;
    this.vectors = db.getCollection(COLLECTION);
  }

  @Override
  public TextEmbedder embedder() {
    return embedder;
  }

  @Override
  public float[] vector(String title) {
    String key = TitleVectors.key(embedder, title);
    Document found = vectors.find(Filters.eq("_id", key)).first();
    if (found != null) {
      float[] v = decode(found.get("v", Binary.class).getData());
      if (v.length == embedder.dimensions()) {
        return v;
      }
    }
    float[] v = embedder.embed(title);
    try {
      vectors.insertOne(new Document("_id", key).append("v", new Binary(encode(v))));
    } catch (MongoWriteException e) {
      // Another indexing thread or process stored the same text first: same vector.
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    return v;
  }

  static byte[] encode(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] decode(byte[] bytes) {
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
    return v;
  }
}
