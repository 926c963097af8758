package dev.sleet.studio;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV and JSON files of a result. In CSV a NULL is an empty field and an empty string is {@code ""}, so the two stay apart. */
final class Exports {
    private Exports() {
    }

    static Response file(String format, String baseName, List<String> columns, List<List<String>> rows) {
        if ("csv".equals(format)) {
            return Response.download("text/csv; charset=utf-8", baseName + ".csv", csv(columns, rows).getBytes(StandardCharsets.UTF_8));
        }
        if ("json".equals(format)) {
            List<Map<String, String>> objects = rows.stream().map(row -> {
                Map<String, String> o = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    o.put(columns.get(i), row.get(i));
                }
                return o;
            }).toList();
            return Response.download("application/json; charset=utf-8", baseName + ".json", Json.bytes(objects));
        }
        throw HttpError.badRequest("unknown export format '" + format + "'; use csv or json");
    }

    static String csv(List<String> columns, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, columns);
        rows.forEach(r -> line(sb, r));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i);
            if (v != null) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            }
        }
        sb.append("\r\n");
    }
}
