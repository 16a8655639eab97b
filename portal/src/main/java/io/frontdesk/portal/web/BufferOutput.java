package io.frontdesk.portal.web;

import gg.jte.TemplateOutput;
import io.vertx.core.buffer.Buffer;

/**
 * Renders a template straight into the response's UTF-8 buffer. Why: a page rendered to a String
 * became UTF-16 as soon as one character was outside Latin-1 (the quotes around a search, an
 * ellipsis in a snippet), which copied the whole page once to widen it and then encoded it
 * character by character to UTF-8: about 4 % of a search page's CPU at 10,000 articles (JFR,
 * docs/BENCHMARKS.md "Portal: fourth pass"). Here each piece is encoded as it is written (mostly
 * ASCII, which Netty copies byte for byte), so one odd character costs only its own piece.
 */
final class BufferOutput implements TemplateOutput {
  private final Buffer buffer;

  BufferOutput(Buffer buffer) {
    this.buffer = buffer;
  }

  @Override
  public void writeContent(String value) {
    buffer.appendString(value);
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    buffer.appendString(value.substring(beginIndex, endIndex));
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    buffer.appendBytes(value);
  }
}
