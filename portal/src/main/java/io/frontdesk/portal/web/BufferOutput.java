package io.frontdesk.portal.web;

import gg.jte.TemplateOutput;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Renders a template straight into the response's UTF-8 buffer. Why: a page rendered to a String
 * became UTF-16 as soon as one character was outside Latin-1 (the quotes around a search, an
 * ellipsis in a snippet), which copied the whole page once to widen it and then encoded it
 * character by character to UTF-8: about 4 % of a search page's CPU at 10,000 articles (JFR,
 * docs/BENCHMARKS.md "Portal: fourth pass"). Here each piece is encoded as it is written (mostly
 * ASCII, which Netty copies byte for byte), so one odd character costs only its own piece.
 *
 * <p>Each piece is encoded by Netty straight into the buffer's bytes: {@code Buffer.appendString}
 * first made a UTF-8 {@code byte[]} copy of every piece (and {@code substring} another), 23 % of
 * what the event loops allocated on a search page (JFR, "Portal: fifth pass").
 */
final class BufferOutput implements TemplateOutput {
  private final ByteBuf bytes;

  BufferOutput(ByteBuf bytes) {
    this.bytes = bytes;
  }

  /** The bytes written so far, as a Vert.x buffer (no copy). */
  Buffer buffer() {
    return BufferInternal.buffer(bytes);
  }

  @Override
  public void writeContent(String value) {
    ByteBufUtil.writeUtf8(bytes, value);
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    ByteBufUtil.writeUtf8(bytes, value, beginIndex, endIndex);
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    bytes.writeBytes(value);
  }
}
