package io.frontdesk.core.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's collection maps: documents written as BSON (with
 * mongo-java-server's own wire codec) under a tag of their own, instead of H2's default Java
 * serialisation, which cost most of the page writes at each commit.
 *
 * <p>Reading accepts both: a value under {@link #BSON_TAG} is BSON, anything else is read by H2's
 * {@link ObjectDataType} as before, so a data directory written by the old code opens. A document
 * that BSON would not carry exactly (see {@link BsonExact}) is still written the old way. A store
 * written by this type cannot be read by the old code: {@code ObjectDataType} rejects the tag
 * ("Unknown tag 127", a corrupt-file error), it never misreads it.
 */
final class DocumentValueType extends ObjectDataType {
  /** Unused by {@code ObjectDataType}, which reads it as an unknown tag and fails. */
  static final byte BSON_TAG = 127;

  /** The wire decoder's own limit. */
  private static final int MAX_BSON = 16 * 1024 * 1024;

  /** Running estimate of a document's size, as {@code ObjectDataType} keeps one (racy, a hint). */
  private int averageSize = 1024;

  @Override
  public void write(WriteBuffer buff, Object obj) {
    if (obj instanceof Document d && BsonExact.carries(d)) {
      ByteBuf out = Unpooled.buffer(averageSize);
      try {
        BsonEncoder.encodeDocument(d, out);
        int len = out.readableBytes();
        if (len <= MAX_BSON) {
          buff.put(BSON_TAG).put(out.array(), out.arrayOffset() + out.readerIndex(), len);
          averageSize = (len + 15 * averageSize) / 16;
          return;
        }
      } finally {
        out.release();
      }
    }
    super.write(buff, obj);
  }

  @Override
  public Object read(ByteBuffer buff) {
    int start = buff.position();
    if (buff.get(start) != BSON_TAG) {
      return super.read(buff);
    }
    int len = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start + 1);
    ByteBuffer bson = buff.duplicate();
    bson.position(start + 1).limit(start + 1 + len);
    Document d = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    buff.position(start + 1 + len);
    averageSize = (len + 15 * averageSize) / 16;
    return d;
  }

  /** Twice the encoded size, as {@code ObjectDataType} estimates a serialised object. */
  @Override
  public int getMemory(Object obj) {
    return obj instanceof Document ? 2 * averageSize : super.getMemory(obj);
  }
}
