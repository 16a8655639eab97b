package io.frontdesk.desk.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's "mail drop": each message becomes a text file under a directory (by default {@code
 * $FRONTDESK_DATA_DIR/maildrop}) that the person running the demo opens to read their one-time
 * code. It stands in for a real mailbox or phone, so it is the out-of-band channel itself; it is
 * used only when neither SMTP nor Notify is configured, and start-up logs that it is in use.
 */
public final class MailDropNotifier implements Notifier {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private final Path dir;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  public MailDropNotifier(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  @Override
  public boolean supports(String contactKind) {
    return true;
  }

  @Override
  public void send(Contact to, OutboundMessage message) {
    String safe = to.address().replaceAll("[^A-Za-z0-9@.+-]", "_");
    Path file =
        dir.resolve(
            STAMP.format(clock.instant())
                + "-"
                + sequence.incrementAndGet()
                + "-"
                + to.kind()
                + "-"
                + safe
                + ".txt");
    String text =
        "To: " + to.address() + "\nSubject: " + message.subject() + "\n\n" + message.body() + "\n";
    try {
      Files.createDirectories(dir);
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new NotifyException("the mail drop at " + dir + " could not be written");
    }
  }

  @Override
  public String name() {
    return "mail-drop";
  }

  public Path directory() {
    return dir;
  }
}
