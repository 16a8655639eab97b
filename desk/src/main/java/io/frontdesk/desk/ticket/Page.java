package io.frontdesk.desk.ticket;

import java.util.List;

/** One page of a listing, with the total for pagers. */
public record Page<T>(List<T> items, int page, int size, long total) {}
