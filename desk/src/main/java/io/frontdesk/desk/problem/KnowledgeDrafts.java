package io.frontdesk.desk.problem;

/**
 * The port to the knowledge base: a known error with a workaround becomes a draft article for the
 * Digital Champions to review. Deploy wires it to the knowledge module; until then, {@link #NONE}.
 */
public interface KnowledgeDrafts {
  /**
   * Creates a draft (never published directly) and returns its article id, or null when drafts are
   * not available.
   *
   * @param audience staff, schools or all
   */
  String draft(
      String title, String markdownBody, String service, String audience, String sourceProblemId);

  KnowledgeDrafts NONE = (title, body, service, audience, source) -> null;
}
