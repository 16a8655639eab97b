package io.frontdesk.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * An immutable snapshot of the synonym map: groups of equivalent phrases ("locked out", "account
 * locked"), each analysed with the production analyzer so they meet the query's stemmed tokens.
 * Applied when the query is built, so an edit needs no reindex; the service swaps snapshots.
 */
public final class Synonyms {
  /** One group as stored: a name and its equivalent phrases. */
  public record Group(String id, List<String> phrases) {
    public Group {
      phrases = List.copyOf(phrases);
    }
  }

  private final List<Group> groups;

  /** The groups with a form that starts with a given token: a query token looks up only those. */
  private final Map<String, List<List<List<String>>>> byFirstToken;

  public Synonyms(List<Group> groups, Analyzer analyzer) {
    this.groups = List.copyOf(groups);
    List<List<List<String>>> a = new ArrayList<>();
    for (Group g : groups) {
      List<List<String>> forms = new ArrayList<>();
      for (String p : g.phrases()) {
        List<String> tokens = analyze(analyzer, p);
        if (!tokens.isEmpty() && !forms.contains(tokens)) {
          forms.add(tokens);
        }
      }
      if (forms.size() > 1) {
        a.add(forms);
      }
    }
    // Per group, each phrase as analysed tokens (phrases that analyse to nothing are dropped).
    List<List<List<String>>> analysed = List.copyOf(a);
    Map<String, List<List<List<String>>>> first = new HashMap<>();
    for (List<List<String>> forms : analysed) {
      for (List<String> form : forms) {
        List<List<List<String>>> groupsHere =
            first.computeIfAbsent(form.get(0), k -> new ArrayList<>());
        if (!groupsHere.contains(forms)) {
          groupsHere.add(forms);
        }
      }
    }
    this.byFirstToken = Map.copyOf(first);
  }

  public static Synonyms none(Analyzer analyzer) {
    return new Synonyms(List.of(), analyzer);
  }

  public List<Group> groups() {
    return groups;
  }

  /**
   * The longest phrase of any group that starts at {@code start} in {@code tokens}, with all its
   * alternatives; the matched form comes first. Null when nothing matches.
   */
  public List<List<String>> match(List<String> tokens, int start) {
    List<List<String>> best = null;
    int bestLen = 0;
    for (List<List<String>> forms : byFirstToken.getOrDefault(tokens.get(start), List.of())) {
      for (List<String> form : forms) {
        int n = form.size();
        if (n > bestLen
            && start + n <= tokens.size()
            && tokens.subList(start, start + n).equals(form)) {
          best = new ArrayList<>();
          best.add(form);
          for (List<String> other : forms) {
            if (other != form) {
              best.add(other);
            }
          }
          bestLen = n;
        }
      }
    }
    return best;
  }

  /** The analysed tokens of a text, in order. */
  public static List<String> analyze(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The map a new install starts with: IT and council jargon (editable in the store). */
  public static List<Group> defaults() {
    return List.of(
        new Group("password", List.of("password", "pwd", "passwd", "pass word", "passcode")),
        new Group(
            "office365",
            List.of("office 365", "o365", "microsoft 365", "m365", "office365", "ms office")),
        new Group("wifi", List.of("wifi", "wi-fi", "wireless", "wlan", "wi fi")),
        new Group(
            "locked-out",
            List.of(
                "locked out",
                "account locked",
                "lockout",
                "locked",
                "cannot log in",
                "can't log in",
                "cant login",
                "can't sign in")),
        new Group(
            "mfa",
            List.of(
                "mfa",
                "multi factor authentication",
                "multi-factor",
                "two factor",
                "2fa",
                "authenticator",
                "two-step verification",
                "2 step verification")),
        new Group("laptop", List.of("laptop", "computer", "pc", "desktop", "notebook", "device")),
        new Group("vpn", List.of("vpn", "remote access", "globalprotect", "always on vpn")),
        new Group("email", List.of("email", "e-mail", "mail", "outlook", "inbox")),
        new Group("login", List.of("log in", "login", "sign in", "signin", "logon", "log on")),
        new Group("printer", List.of("printer", "printing", "print", "mfd", "copier")),
        new Group("teams", List.of("teams", "microsoft teams", "ms teams")),
        new Group("phone", List.of("phone", "mobile", "smartphone", "handset", "iphone")),
        new Group(
            "shared-drive", List.of("shared drive", "network drive", "s drive", "shared folder")),
        new Group("screen", List.of("monitor", "screen", "display")),
        new Group("broken", List.of("broken", "not working", "doesn't work", "faulty")),
        new Group("delete", List.of("delete", "remove", "erase")),
        new Group("reset", List.of("reset", "change", "forgot", "forgotten")));
  }
}
