package dev.oms.platform.rest;

import java.util.List;

/** One page of a listing, the one paging shape of every service API; {@code total} counts every match. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
