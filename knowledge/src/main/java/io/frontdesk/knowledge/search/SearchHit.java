package io.frontdesk.knowledge.search;

/**
 * One ranked article.
 *
 * @param snippet HTML-safe text with the matched words in {@code <mark>}
 * @param url the article's page in the portal
 */
public record SearchHit(
    String id, String title, String snippet, double score, String url, String service) {}
