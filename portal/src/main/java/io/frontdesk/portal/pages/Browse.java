package io.frontdesk.portal.pages;

import io.frontdesk.knowledge.article.ArticleListings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the help-articles page shows without a search: the services (with how many articles the
 * reader can see in each), or one service's articles.
 *
 * @param services every service, when none is chosen
 * @param service the chosen service, or empty
 * @param articles the chosen service's articles, by title
 */
public record Browse(
    List<ArticleListings.Service> services, String service, List<ArticleListings.Listed> articles) {
  static final Browse NONE = new Browse(List.of(), "", List.of());

  /** The address of a service's list. */
  public static String link(String service) {
    return "/kb?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8);
  }
}
