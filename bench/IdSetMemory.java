import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Heap taken by the bot's in-process set of recent activity ids (SeenActivities: a map from key to
 * claim time, and a queue of claims in order) at its bound of 100,000, keyed by the id string as
 * before session 18 and by a 64-bit fingerprint since. The ids are shaped like Teams': "msteams|",
 * a conversation id of 103-122 characters and a 13-digit activity id. Run from the project root:
 *
 * <pre>java bench/IdSetMemory.java</pre>
 *
 * (docs/BOT.md, "Idempotence"). Each layout is measured in a JVM of its own.
 */
public class IdSetMemory {
  static final int IDS = 100_000;

  record ById(String id, long at, long seq) {}

  record ByFingerprint(long fingerprint, long at, long seq) {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      for (String layout : new String[] {"strings", "fingerprints"}) {
        Process p =
            new ProcessBuilder(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx512m",
                    "bench/IdSetMemory.java",
                    layout)
                .inheritIO()
                .start();
        p.waitFor();
      }
      return;
    }
    boolean strings = args[0].equals("strings");
    Random random = new Random(1);
    String conversation =
        "a:1" + "Xk9QmZ2vB7nR4tY8uW1eL6pO3sD5fG0hJ2kA9zC4xV7bN1mQ8wE3rT6yU0iO5p".repeat(3);
    long before = used();
    Map<Object, Long> set = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Object> order = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < IDS; i++) {
      String id =
          "msteams|"
              + conversation.substring(0, 103 + random.nextInt(20))
              + "|"
              + (1701234567890L + i);
      long at = System.nanoTime();
      if (strings) {
        set.put(id, at);
        order.add(new ById(id, at, i));
      } else {
        long fingerprint = id.hashCode() * 0x9e3779b97f4a7c15L + i;
        set.put(fingerprint, at);
        order.add(new ByFingerprint(fingerprint, at, i));
      }
    }
    long after = used();
    System.out.printf(
        "%s: %.1f MB for %,d ids (%d bytes an id)%n",
        args[0], (after - before) / 1e6, set.size(), (after - before) / Math.max(1, order.size()));
  }

  static long used() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }
}
