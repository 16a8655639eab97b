package io.frontdesk.knowledge.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The StackFAQ file (../shared/data/README.md): threads with a title, answers and paraphrases. */
public record StackFaq(List<Thread> threads) {
  /** One how-to thread. */
  public record Thread(
      String id, String question, List<String> answers, List<String> paraphrases) {}

  public static StackFaq read(Path file) throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<Thread> threads = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      String question = null;
      List<String> answers = new ArrayList<>();
      List<String> rephr = new ArrayList<>();
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "qapair" -> {
              question = null;
              answers = new ArrayList<>();
              rephr = new ArrayList<>();
            }
            case "rephr" -> rephr.add(clean(r.getElementText()));
            case "question" -> question = clean(r.getElementText());
            case "answer" -> answers.add(clean(r.getElementText()));
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("qapair")) {
          threads.add(new Thread("t" + threads.size(), question, answers, rephr));
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("Not a StackFAQ file: " + e.getMessage(), e);
    }
    return new StackFaq(threads);
  }

  /** Drops the HTML residue the data README mentions. */
  static String clean(String s) {
    return s.replaceAll("<[^>]{0,200}>", " ").replaceAll("\\s+", " ").strip();
  }
}
