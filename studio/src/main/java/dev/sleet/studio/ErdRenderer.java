package dev.sleet.studio;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entity-relationship diagram as one SVG document, drawn on the server from a schema model
 * (the snapshot when the studio has one, else the catalog), so it needs no script library and no
 * network. Tables are boxes listing their columns (key columns marked, foreign key columns in
 * their own colour), laid out in columns by schema, shortest column first; each foreign key is a
 * curve from its column to the referenced table's key.
 */
final class ErdRenderer {
    static final int BOX_WIDTH = 250;
    static final int ROW = 18;
    static final int HEADER = 26;
    static final int GAP_X = 90;
    static final int GAP_Y = 30;
    static final int COLUMNS = 4;

    private record Box(Table table, int x, int y, int height) {
    }

    private ErdRenderer() {
    }

    static String render(DatabaseSchema schema) {
        List<Table> tables = new ArrayList<>(schema.tables());
        // Tables with many references go first, so the busiest ones sit at the top of their column.
        Map<String, Integer> degree = new HashMap<>();
        for (Table t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                degree.merge(Catalog.key(t), 1, Integer::sum);
                degree.merge(fk.referencedTable().schema() + "." + fk.referencedTable().name(), 1, Integer::sum);
            }
        }
        tables.sort((a, b) -> {
            int bySchema = a.name().schema().compareTo(b.name().schema());
            if (bySchema != 0) {
                return bySchema;
            }
            int byDegree = Integer.compare(degree.getOrDefault(Catalog.key(b), 0), degree.getOrDefault(Catalog.key(a), 0));
            return byDegree != 0 ? byDegree : a.name().name().compareTo(b.name().name());
        });
        int columns = Math.max(1, Math.min(COLUMNS, tables.size()));
        int[] heights = new int[columns];
        Map<String, Box> boxes = new HashMap<>();
        for (Table t : tables) {
            int col = 0;
            for (int i = 1; i < columns; i++) {
                if (heights[i] < heights[col]) {
                    col = i;
                }
            }
            int height = HEADER + ROW * t.columns().size() + 6;
            Box box = new Box(t, 20 + col * (BOX_WIDTH + GAP_X), 20 + heights[col], height);
            heights[col] += height + GAP_Y;
            boxes.put(Catalog.key(t), box);
        }
        int width = 40 + columns * BOX_WIDTH + (columns - 1) * GAP_X;
        int height = 40;
        for (int h : heights) {
            height = Math.max(height, h + 20);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#6b7a90\"/></marker></defs>\n");
        for (Box box : boxes.values()) {
            for (ForeignKey fk : box.table().foreignKeys()) {
                Box target = boxes.get(fk.referencedTable().schema() + "." + fk.referencedTable().name());
                if (target != null) {
                    edge(svg, box, fk, target);
                }
            }
        }
        for (Table t : tables) {
            box(svg, boxes.get(Catalog.key(t)));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static int rowY(Box box, String column) {
        List<Column> cols = box.table().columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(column)) {
                return box.y() + HEADER + ROW * i + ROW / 2 + 2;
            }
        }
        return box.y() + HEADER / 2;
    }

    private static void edge(StringBuilder svg, Box from, ForeignKey fk, Box to) {
        int y1 = rowY(from, fk.columns().get(0));
        int y2 = rowY(to, fk.referencedColumns().isEmpty() ? "" : fk.referencedColumns().get(0));
        int x1;
        int x2;
        int c1;
        int c2;
        if (to.x() > from.x()) {            // target to the right: leave right, enter left
            x1 = from.x() + BOX_WIDTH;
            x2 = to.x();
            int bend = Math.max(40, (x2 - x1) / 2);
            c1 = x1 + bend;
            c2 = x2 - bend;
        } else if (to.x() < from.x()) {     // target to the left: leave left, enter right
            x1 = from.x();
            x2 = to.x() + BOX_WIDTH;
            int bend = Math.max(40, (x1 - x2) / 2);
            c1 = x1 - bend;
            c2 = x2 + bend;
        } else {                            // same column (or itself): a loop out to the right
            x1 = from.x() + BOX_WIDTH;
            x2 = x1;
            c1 = x1 + 50;
            c2 = x2 + 50;
        }
        svg.append("<path class=\"fk\" d=\"M ").append(x1).append(' ').append(y1).append(" C ").append(c1).append(' ').append(y1)
                .append(", ").append(c2).append(' ').append(y2).append(", ").append(x2).append(' ').append(y2)
                .append("\" fill=\"none\" stroke=\"#6b7a90\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"><title>")
                .append(escape(fk.name() + ": " + String.join(", ", fk.columns()) + " → " + fk.referencedTable() + "(" + String.join(", ", fk.referencedColumns()) + ")"))
                .append("</title></path>\n");
    }

    private static void box(StringBuilder svg, Box box) {
        Table t = box.table();
        List<String> pk = t.primaryKeyOpt().map(p -> p.columns()).orElse(List.of());
        svg.append("<g class=\"table\" data-table=\"").append(escape(Catalog.key(t))).append("\">");
        svg.append("<rect x=\"").append(box.x()).append("\" y=\"").append(box.y()).append("\" width=\"").append(BOX_WIDTH).append("\" height=\"")
                .append(box.height()).append("\" rx=\"6\" fill=\"#ffffff\" stroke=\"#9aa8bb\"/>");
        svg.append("<path d=\"M ").append(box.x()).append(' ').append(box.y() + HEADER).append(" v -").append(HEADER - 6)
                .append(" a 6 6 0 0 1 6 -6 h ").append(BOX_WIDTH - 12).append(" a 6 6 0 0 1 6 6 v ").append(HEADER - 6).append(" z\" fill=\"#1f3a5f\"/>");
        svg.append("<text x=\"").append(box.x() + 10).append("\" y=\"").append(box.y() + 17).append("\" fill=\"#ffffff\" font-weight=\"600\">")
                .append(escape(t.name().schema().equals("public") ? t.name().name() : t.name().toString())).append("</text>");
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            int y = box.y() + HEADER + ROW * i + ROW - 3;
            boolean key = pk.contains(c.name());
            boolean foreign = t.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()));
            svg.append("<text x=\"").append(box.x() + 10).append("\" y=\"").append(y).append("\" fill=\"")
                    .append(foreign ? "#1d6fb8" : "#1b2430").append('"').append(key ? " font-weight=\"700\"" : "").append('>')
                    .append(key ? "<tspan font-size=\"9\" fill=\"#b36b00\">PK </tspan>" : "").append(escape(c.name())).append(c.nullable() ? "?" : "").append("</text>");
            svg.append("<text x=\"").append(box.x() + BOX_WIDTH - 10).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" fill=\"#6b7a90\">").append(escape(shortType(c))).append("</text>");
        }
        svg.append("</g>\n");
    }

    static String shortType(Column c) {
        String sql = c.type().sql().replace("timestamp with time zone", "timestamptz").replace("timestamp without time zone", "timestamp")
                .replace("character varying", "varchar").replace("\"public\".", "").replace("\"", "");
        return sql.length() > 22 ? sql.substring(0, 21) + "…" : sql;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
