package io.frontdesk.knowledge.search;

import java.util.List;
import java.util.Optional;

/**
 * Ranked results and, when the engine is confident, the one answer to show.
 *
 * @param queryId the logged query; pass it back with clicks and ratings
 */
public record SearchResponse(
    String query, Optional<SearchHit> answer, List<SearchHit> results, String queryId) {}
