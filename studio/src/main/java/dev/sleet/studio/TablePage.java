package dev.sleet.studio;

import java.util.List;

/**
 * One page of a table view. {@code firstKey} and {@code lastKey} are the ordering key (sort column,
 * then primary key, or {@code ctid} for a table without one) of the first and last row, as text:
 * the cursors for the previous and the next page.
 */
record TablePage(List<String> columns, List<List<String>> rows, List<String> firstKey, List<String> lastKey,
                 boolean hasPrevious, boolean hasNext) {
}
