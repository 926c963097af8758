package dev.sleet.studio;

import java.util.List;

/** What a console statement gave: columns and rows (values as text, NULL as null), or the count of rows it changed. */
record QueryResult(List<String> columns, List<List<String>> rows, boolean truncated, Long updateCount, long millis) {
}
