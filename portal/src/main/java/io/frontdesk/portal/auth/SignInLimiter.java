package io.frontdesk.portal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: at most {@code max} failed sign-ins per key (an e-mail address, and
 * separately a client address) in a sliding window. Per process; with several processes each allows
 * its own budget, which still bounds guessing.
 */
public final class SignInLimiter {
  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public SignInLimiter(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  public boolean blocked(String key) {
    Deque<Instant> d = failures.get(key);
    if (d == null) {
      return false;
    }
    synchronized (d) {
      prune(d);
      return d.size() >= max;
    }
  }

  public void failed(String key) {
    Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (d) {
      prune(d);
      d.addLast(clock.instant());
    }
    if (failures.size() > 100_000) {
      failures.entrySet().removeIf(e -> e.getValue().isEmpty());
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private void prune(Deque<Instant> d) {
    Instant cutoff = clock.instant().minus(window);
    while (!d.isEmpty() && d.peekFirst().isBefore(cutoff)) {
      d.removeFirst();
    }
  }
}
