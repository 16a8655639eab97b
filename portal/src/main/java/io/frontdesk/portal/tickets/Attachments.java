package io.frontdesk.portal.tickets;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.frontdesk.core.http.ApiException;
import io.frontdesk.core.security.Principal;
import io.frontdesk.desk.ticket.Ticket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Ticket attachments in GridFS (bucket {@code portal_attachments}), each tagged with its ticket and
 * school. The size and type are checked on upload: the type is worked out from the file's first
 * bytes, not the browser's claim, and must be on the allowed list. Reading an attachment needs the
 * ticket (which the desk has already checked the reader may see) and must match it, so guessing an
 * attachment id of another ticket finds nothing. Blocking.
 */
public final class Attachments {
  public static final String BUCKET = "portal_attachments";

  /** What a ticket page lists. */
  public record Info(String id, String filename, long size, String contentType, Instant at) {}

  /** An attachment's bytes, for download. */
  public record Content(Info info, byte[] bytes) {}

  private final GridFSBucket bucket;
  private final long maxBytes;
  private final List<String> types;

  public Attachments(MongoDatabase db, long maxBytes, List<String> types) {
    this.bucket = GridFSBuckets.create(db, BUCKET);
    this.maxBytes = maxBytes;
    this.types = List.copyOf(types);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Why this upload is refused, or empty if it is acceptable.
   *
   * @param file the uploaded temporary file
   */
  public Optional<String> problem(String filename, Path file) {
    try {
      long size = Files.size(file);
      if (size == 0) {
        return Optional.of("The selected file is empty");
      }
      if (size > maxBytes) {
        return Optional.of(
            "The selected file must be smaller than " + (maxBytes / (1024 * 1024)) + "MB");
      }
      String type = sniff(head(file), filename);
      if (type == null || !types.contains(type)) {
        return Optional.of(
            "The selected file must be a PNG, JPEG, GIF, PDF, text, Word or Excel file");
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores an upload already checked with {@link #problem}. */
  public String store(Ticket t, Principal uploader, String filename, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String type = sniff(head(file), filename);
      Document meta =
          new Document("ticketRef", t.reference())
              .append("schoolId", t.schoolId().orElse(null))
              .append("uploaderId", uploader.id())
              .append("contentType", type);
      ObjectId id =
          bucket.uploadFromStream(
              cleanName(filename), in, new GridFSUploadOptions().metadata(meta));
      return id.toHexString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Info> list(Ticket t) {
    List<Info> out = new ArrayList<>();
    for (GridFSFile f :
        bucket
            .find(Filters.eq("metadata.ticketRef", t.reference()))
            .sort(Sorts.ascending("uploadDate"))) {
      out.add(info(f));
    }
    return out;
  }

  /** The attachment if it belongs to this ticket; 404 otherwise. */
  public Content open(Ticket t, String id) {
    if (!ObjectId.isValid(id)) {
      throw ApiException.notFound("There is no such attachment.");
    }
    GridFSFile f =
        bucket
            .find(
                Filters.and(
                    Filters.eq("_id", new ObjectId(id)),
                    Filters.eq("metadata.ticketRef", t.reference())))
            .first();
    if (f == null) {
      throw ApiException.notFound("There is no such attachment.");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(f.getLength(), maxBytes));
    bucket.downloadToStream(f.getObjectId(), out);
    return new Content(info(f), out.toByteArray());
  }

  private static Info info(GridFSFile f) {
    Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
    return new Info(
        f.getObjectId().toHexString(),
        f.getFilename(),
        f.getLength(),
        m.getString("contentType"),
        f.getUploadDate().toInstant());
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(4096);
    }
  }

  /** The type from the first bytes (and, for Office zips and text, the extension). */
  static String sniff(byte[] b, String filename) {
    String ext = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    if (starts(b, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (starts(b, '%', 'P', 'D', 'F')) {
      return "application/pdf";
    }
    if (starts(b, 'P', 'K', 3, 4)) {
      if (ext.endsWith(".docx")) {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      }
      if (ext.endsWith(".xlsx")) {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      }
      return null;
    }
    if (ext.endsWith(".txt") || ext.endsWith(".log")) {
      for (byte x : b) {
        if (x == 0) {
          return null;
        }
      }
      return "text/plain";
    }
    return null;
  }

  private static boolean starts(byte[] b, int... sig) {
    if (b.length < sig.length) {
      return false;
    }
    for (int i = 0; i < sig.length; i++) {
      if ((b[i] & 0xFF) != sig[i]) {
        return false;
      }
    }
    return true;
  }

  /** A file name safe to store and to send back in Content-Disposition. */
  static String cleanName(String name) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    String clean = base.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    if (clean.isEmpty() || clean.chars().allMatch(c -> c == '.')) {
      clean = "attachment";
    }
    return clean.length() > 100 ? clean.substring(clean.length() - 100) : clean;
  }
}
