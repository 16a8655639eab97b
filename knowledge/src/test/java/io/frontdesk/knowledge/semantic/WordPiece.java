package io.frontdesk.knowledge.semantic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer (the one all-MiniLM-L6-v2 uses): lower case, accents stripped,
 * split on white space and punctuation, then each word cut greedily into the longest vocabulary
 * pieces ("##" marks a piece inside a word). Words with no cut are dropped (BERT would give {@code
 * [UNK]}, which carries no meaning for a bag of tokens).
 */
public final class WordPiece {
  private static final int MAX_WORD = 100;
  private final Map<String, Integer> vocab;

  public WordPiece(Map<String, Integer> vocab) {
    this.vocab = vocab;
  }

  public List<Integer> ids(String text) {
    List<Integer> out = new ArrayList<>();
    String norm =
        Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < norm.length(); i++) {
      char c = norm.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK || Character.isISOControl(c)) {
        continue;
      }
      if (Character.isWhitespace(c)) {
        flush(word, out);
      } else if (punctuation(c)) {
        flush(word, out);
        word.append(c);
        flush(word, out);
      } else {
        word.append(c);
      }
    }
    flush(word, out);
    return out;
  }

  private void flush(StringBuilder word, List<Integer> out) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString();
    word.setLength(0);
    if (w.length() > MAX_WORD) {
      return;
    }
    int mark = out.size();
    int start = 0;
    while (start < w.length()) {
      Integer id = null;
      int end = w.length();
      for (; end > start; end--) {
        String piece = start == 0 ? w.substring(start, end) : "##" + w.substring(start, end);
        id = vocab.get(piece);
        if (id != null) {
          break;
        }
      }
      if (id == null) {
        out.subList(mark, out.size()).clear();
        return;
      }
      out.add(id);
      start = end;
    }
  }

  private static boolean punctuation(char c) {
    if ((c >= 33 && c <= 47)
        || (c >= 58 && c <= 64)
        || (c >= 91 && c <= 96)
        || (c >= 123 && c <= 126)) {
      return true;
    }
    int t = Character.getType(c);
    return t == Character.CONNECTOR_PUNCTUATION
        || t == Character.DASH_PUNCTUATION
        || t == Character.START_PUNCTUATION
        || t == Character.END_PUNCTUATION
        || t == Character.INITIAL_QUOTE_PUNCTUATION
        || t == Character.FINAL_QUOTE_PUNCTUATION
        || t == Character.OTHER_PUNCTUATION;
  }
}
