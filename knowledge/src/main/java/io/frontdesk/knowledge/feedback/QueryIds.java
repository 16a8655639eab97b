package io.frontdesk.knowledge.feedback;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of logged searches: 32 lower-case hex digits, a time-ordered half and a random half. The
 * first half grows with every id this process makes (milliseconds since the epoch, shifted, plus a
 * sequence), so the store appends each new entry at the end of {@code kb_queries}' B-tree instead
 * of at a random place: with random ids (UUIDs) every insert rewrote and re-read a different page
 * of the embedded store's data and {@code _id} maps, which was most of its work per search. The
 * second half is 64 bits from {@link SecureRandom}: an id is handed to the browser for the click
 * and rating calls, and one cannot be guessed from another (a UUID had 122 random bits).
 */
final class QueryIds {
  /** Ids per millisecond before the sequence borrows from the next millisecond. */
  private static final int SEQUENCE_BITS = 12;

  private final AtomicLong last = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  String next() {
    long now = System.currentTimeMillis() << SEQUENCE_BITS;
    long ordered = last.accumulateAndGet(now, (prev, n) -> Math.max(prev + 1, n));
    char[] out = new char[32];
    hex(ordered, out, 0);
    hex(random.nextLong(), out, 16);
    return new String(out);
  }

  private static void hex(long v, char[] out, int at) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = Character.forDigit((int) (v & 0xF), 16);
      v >>>= 4;
    }
  }
}
