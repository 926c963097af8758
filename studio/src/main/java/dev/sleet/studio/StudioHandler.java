package dev.sleet.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sleet.runtime.ConstraintViolation;
import dev.sleet.runtime.DataAccessException;
import dev.sleet.runtime.Database;
import dev.sleet.runtime.ExclusionViolation;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Every request of the studio: the {@link RequestGuard} first, then the route. Endpoints take
 * JSON bodies (reads that carry filters are POSTs too) and answer JSON, except the page, its
 * assets, the ERD (SVG) and exports (CSV/JSON files). Errors answer {@code {"error": …}} with a
 * status that says whose fault it was; a refused write answers 409 with the constraint explained.
 */
final class StudioHandler implements HttpHandler {
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    static final int CONSOLE_ROWS = 1000;
    static final int EXPORT_ROWS = 100_000;
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final StudioSettings settings;
    private final RequestGuard guard;
    private final DataSource dataSource;
    private final Database database;
    private final Assets assets;
    private final AtomicReference<Catalog> catalog = new AtomicReference<>();
    private final RowEditor editor;
    private final Timeline timeline;
    private final SqlConsole console;
    private final MigrationsReport migrations;

    StudioHandler(StudioSettings settings, RequestGuard guard, DataSource dataSource, Assets assets) throws SQLException {
        this.settings = settings;
        this.guard = guard;
        this.dataSource = dataSource;
        this.database = Database.of(dataSource);
        this.assets = assets;
        this.catalog.set(Catalog.load(dataSource));
        this.editor = new RowEditor(database);
        this.timeline = new Timeline(database);
        this.console = new SqlConsole(dataSource, settings.statementTimeout());
        this.migrations = new MigrationsReport(settings.migrator(), settings.owners(), settings.migrationsFolder(), settings.snapshot(),
                settings.ownerSchemas(), settings.historySchema());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Response response;
        try {
            Optional<HttpError> refusal = guard.refusal(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders());
            if (refusal.isPresent()) {
                response = error(refusal.get().status(), refusal.get().getMessage());
            } else {
                response = route(exchange);
            }
        } catch (HttpError e) {
            response = error(e.status(), e.getMessage());
        } catch (ConstraintViolation e) {
            response = Response.json(409, Map.of("error", e.getMessage(), "constraint", ConstraintExplainer.explain(e)));
        } catch (DataAccessException e) {
            response = error(400, e.getMessage());
        } catch (SQLException e) {
            response = error(400, e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
        } catch (RuntimeException e) {
            response = error(500, "the studio failed: " + e);
        } catch (Exception e) {
            response = error(500, "the studio failed: " + e);
        }
        // Server-Timing: the time spent answering, for the browser's network panel and the benchmark.
        send(exchange, response.withHeader("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - started) / 1e6)));
    }

    private static Response error(int status, String message) {
        return Response.json(status, Map.of("error", message == null ? "unknown error" : message));
    }

    private void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.headers().forEach(headers::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length == 0 ? -1 : response.body().length);
        if (!head && response.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    private Response route(HttpExchange exchange) throws Exception {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read) {
            switch (path) {
                case "/":
                    return Response.text(200, "text/html; charset=utf-8", assets.page(settings.token()))
                            .withHeader("Set-Cookie", RequestGuard.TOKEN_COOKIE + "=" + settings.token() + "; HttpOnly; SameSite=Strict; Path=/");
                case "/api/meta":
                    return Response.json(meta());
                case "/api/tables":
                    catalog.set(Catalog.load(dataSource));
                    return Response.json(tables());
                case "/api/table":
                    return Response.json(tableMeta(table(query(uri, "t"))));
                case "/api/erd.svg":
                    return Response.text(200, "image/svg+xml; charset=utf-8",
                            ErdRenderer.render(settings.snapshot() != null ? settings.snapshot() : catalog.get().schema()));
                case "/api/migrations":
                    return Response.json(migrations.build(dataSource));
                default:
                    if (path.startsWith("/assets/")) {
                        return assets.asset(path.substring("/assets/".length()));
                    }
                    throw HttpError.notFound("no page " + path);
            }
        }
        if (!method.equals("POST")) {
            throw new HttpError(405, "method " + method + " is not used by the studio");
        }
        JsonNode body = Json.read(exchange.getRequestBody());
        switch (path) {
            case "/api/rows":
                return Response.json(page(body));
            case "/api/rows/export":
                return exportRows(body);
            case "/api/rows/insert": {
                requireEditable();
                Table t = table(Json.requiredText(body, "table"));
                Map<String, String> values = Json.textMap(body, "values");
                return writeRow(t, null, values, () -> editor.insert(t, values));
            }
            case "/api/rows/update": {
                requireEditable();
                Table t = table(Json.requiredText(body, "table"));
                Map<String, String> key = Json.textMap(body, "key");
                Map<String, String> values = Json.textMap(body, "values");
                return writeRow(t, key, values, () -> editor.update(t, key, values));
            }
            case "/api/rows/delete": {
                requireEditable();
                Table t = table(Json.requiredText(body, "table"));
                Map<String, String> key = Json.textMap(body, "key");
                return writeRow(t, key, Map.of(), () -> {
                    editor.delete(t, key);
                    return null;
                });
            }
            case "/api/fk-options":
                return Response.json(foreignKeyOptions(body));
            case "/api/timeline":
                return Response.json(timelineWindow(body));
            case "/api/timeline/book":
                requireEditable();
                return book(body);
            case "/api/sql":
                return runSql(body);
            case "/api/sql/export":
                return exportSql(body);
            default:
                throw HttpError.notFound("no endpoint " + path);
        }
    }

    private void requireEditable() {
        if (!settings.access().rowsEditable()) {
            throw HttpError.forbidden("refused: this studio is read-only (" + settings.readOnlyReason() + ")");
        }
    }

    private Table table(String key) throws SQLException {
        Optional<Table> found = catalog.get().find(key);
        if (found.isEmpty()) {
            // A table created since the last look: read the catalog again once before saying no.
            catalog.set(Catalog.load(dataSource));
        }
        return catalog.get().table(key);
    }

    private static String query(URI uri, String name) {
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw HttpError.badRequest("the request needs the query parameter " + name);
    }

    private Map<String, Object> meta() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("database", settings.databaseLabel());
        doc.put("access", settings.access().name().toLowerCase());
        doc.put("readOnlyReason", settings.readOnlyReason());
        doc.put("rowsEditable", settings.access().rowsEditable());
        doc.put("consoleWrites", settings.access().consoleWrites());
        doc.put("statementTimeoutMs", settings.statementTimeout().toMillis());
        return doc;
    }

    private Map<String, Object> tables() {
        Catalog current = catalog.get();
        Map<String, List<Map<String, Object>>> bySchema = new LinkedHashMap<>();
        for (Table t : current.tables()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", Catalog.key(t));
            row.put("name", t.name().name());
            row.put("estimate", current.estimate(t));
            row.put("columns", t.columns().size());
            row.put("timeline", TimelineSpec.of(t).isPresent());
            bySchema.computeIfAbsent(t.name().schema(), s -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> schemas = new ArrayList<>();
        bySchema.forEach((schema, list) -> schemas.add(Map.of("schema", schema, "tables", list)));
        return Map.of("schemas", schemas);
    }

    private Map<String, Object> tableMeta(Table t) {
        Catalog current = catalog.get();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("key", Catalog.key(t));
        doc.put("schema", t.name().schema());
        doc.put("name", t.name().name());
        doc.put("estimate", current.estimate(t));
        doc.put("primaryKey", t.primaryKeyOpt().map(pk -> pk.columns()).orElse(List.of()));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("type", c.type().sql());
            col.put("kind", ColumnKind.of(c, current).name().toLowerCase());
            col.put("nullable", c.nullable());
            col.put("default", c.defaultExpression());
            col.put("identity", c.identity() == null ? null : c.identity().name().toLowerCase());
            col.put("sortable", TableQuery.sortable(c));
            col.put("indexed", Catalog.leadsAnIndex(t, c.name()));
            current.enumOf(c).ifPresent(e -> col.put("enumValues", e.values()));
            Catalog.foreignKeyOf(t, c.name()).ifPresent(fk -> col.put("references", Map.of(
                    "table", fk.referencedTable().schema() + "." + fk.referencedTable().name(),
                    "column", fk.referencedColumns().get(0))));
            columns.add(col);
        }
        doc.put("columns", columns);
        doc.put("uniques", t.uniques().stream().map(u -> Map.of("name", u.name(), "columns", u.columns())).toList());
        doc.put("checks", t.checks().stream().map(ch -> Map.of("name", ch.name(), "expression", ch.expression())).toList());
        doc.put("exclusions", t.exclusions().stream().map(x -> x.name()).toList());
        doc.put("timeline", TimelineSpec.of(t).isPresent());
        doc.put("editable", settings.access().rowsEditable() && t.primaryKeyOpt().isPresent());
        return doc;
    }

    private TableQuery tableQuery(Table t, JsonNode body) {
        List<Filter> filters = new ArrayList<>();
        JsonNode list = body.get("filters");
        if (list != null && list.isArray()) {
            for (JsonNode f : list) {
                Column c = Catalog.column(t, Json.requiredText(f, "column"));
                filters.add(new Filter(c, FilterOp.parse(Json.requiredText(f, "op")), Json.optionalText(f, "value")));
            }
        }
        String sortName = Json.optionalText(body, "sort");
        Column sort = sortName == null ? null : Catalog.column(t, sortName);
        if (sort != null && !TableQuery.sortable(sort)) {
            throw HttpError.badRequest("column " + sort.name() + " (" + sort.type().sql() + ") has no order PostgreSQL can sort by");
        }
        return new TableQuery(t, filters, sort, body.path("desc").asBoolean(false));
    }

    private Map<String, Object> page(JsonNode body) throws SQLException {
        Table t = table(Json.requiredText(body, "table"));
        TableQuery query = tableQuery(t, body);
        String position = Optional.ofNullable(Json.optionalText(body, "position")).orElse("first");
        TableQuery.Position where = switch (position) {
            case "first" -> TableQuery.Position.FIRST;
            case "after" -> TableQuery.Position.AFTER;
            case "before" -> TableQuery.Position.BEFORE;
            case "last" -> TableQuery.Position.LAST;
            default -> throw HttpError.badRequest("position must be first, after, before or last, not " + position);
        };
        int limit = Math.max(1, Math.min(MAX_PAGE_SIZE, body.path("limit").asInt(PAGE_SIZE)));
        TablePage page;
        try (Connection c = dataSource.getConnection()) {
            page = query.page(c, where, Json.textList(body, "cursor"), limit);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("columns", page.columns());
        doc.put("rows", page.rows());
        doc.put("firstKey", page.firstKey());
        doc.put("lastKey", page.lastKey());
        doc.put("hasPrevious", page.hasPrevious());
        doc.put("hasNext", page.hasNext());
        return doc;
    }

    private Response exportRows(JsonNode body) throws SQLException {
        Table t = table(Json.requiredText(body, "table"));
        TablePage page;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            page = tableQuery(t, body).page(c, TableQuery.Position.FIRST, List.of(), EXPORT_ROWS);
        }
        return Exports.file(Optional.ofNullable(Json.optionalText(body, "format")).orElse("csv"), t.name().name(), page.columns(), page.rows());
    }

    /** Insert/update/delete; a constraint error is explained, with the rows in the way for an exclusion. */
    private Response writeRow(Table t, Map<String, String> key, Map<String, String> values, java.util.function.Supplier<List<String>> write) throws SQLException {
        try {
            List<String> row = write.get();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", true);
            doc.put("row", row);
            return Response.json(doc);
        } catch (ConstraintViolation e) {
            Map<String, Object> explained = ConstraintExplainer.explain(e);
            if (e instanceof ExclusionViolation) {
                ExclusionConstraint x = ConstraintExplainer.exclusion(t, e);
                if (x != null) {
                    Map<String, String> attempted = new LinkedHashMap<>();
                    if (key != null) {
                        try (Connection c = dataSource.getConnection()) {
                            List<String> stored = editor.find(c, t, key);
                            if (stored != null) {
                                for (int i = 0; i < t.columns().size(); i++) {
                                    attempted.put(t.columns().get(i).name(), stored.get(i));
                                }
                            }
                        }
                    }
                    attempted.putAll(values);
                    try (Connection c = dataSource.getConnection()) {
                        ExclusionConflicts.find(c, t, x, attempted, key).ifPresent(rows -> explained.put("conflicts", rows));
                    }
                    explained.put("conflictColumns", t.columns().stream().map(Column::name).toList());
                }
            }
            return Response.json(409, Map.of("error", e.getMessage(), "constraint", explained));
        }
    }

    private Map<String, Object> foreignKeyOptions(JsonNode body) throws SQLException {
        Table t = table(Json.requiredText(body, "table"));
        Column c = Catalog.column(t, Json.requiredText(body, "column"));
        ForeignKey fk = Catalog.foreignKeyOf(t, c.name())
                .orElseThrow(() -> HttpError.badRequest("column " + c.name() + " of " + Catalog.key(t) + " is not a single-column foreign key"));
        Table target = table(fk.referencedTable().schema() + "." + fk.referencedTable().name());
        Column id = Catalog.column(target, fk.referencedColumns().get(0));
        String label = Catalog.labelColumn(target);
        String search = Json.optionalText(body, "q");
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT CAST(").append(SqlText.quote(id.name())).append(" AS text), CAST(")
                .append(SqlText.quote(label)).append(" AS text) FROM ").append(target.name().sql());
        if (search != null && !search.isBlank()) {
            sql.append(" WHERE CAST(").append(SqlText.quote(label)).append(" AS text) ILIKE ? OR CAST(")
                    .append(SqlText.quote(id.name())).append(" AS text) = ?");
            values.add(FilterOp.containsPattern(search));
            values.add(search);
        }
        sql.append(" ORDER BY ").append(SqlText.quote(id.name())).append(" LIMIT 50");
        List<Map<String, String>> options = new ArrayList<>();
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            TableQuery.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> o = new LinkedHashMap<>();
                    o.put("id", rs.getString(1));
                    o.put("label", rs.getString(2));
                    options.add(o);
                }
            }
        }
        return Map.of("table", Catalog.key(target), "labelColumn", label, "options", options);
    }

    private TimelineSpec timelineSpec(JsonNode body) throws SQLException {
        Table t = table(Json.requiredText(body, "table"));
        return TimelineSpec.of(t).orElseThrow(() -> HttpError.badRequest("table " + Catalog.key(t)
                + " has no exclusion constraint of the form (resource WITH =, range(start, end) WITH &&), so it has no timeline"));
    }

    private Map<String, Object> timelineWindow(JsonNode body) throws SQLException {
        TimelineSpec spec = timelineSpec(body);
        Timeline.Window window;
        try (Connection c = dataSource.getConnection()) {
            List<Timeline.Lane> lanes = timeline.lanes(c, catalog.get(), spec, Json.textList(body, "lanes"));
            window = timeline.window(c, spec, lanes, Json.requiredText(body, "from"), Json.requiredText(body, "to"));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("table", Catalog.key(spec.table()));
        doc.put("constraint", spec.constraint().name());
        doc.put("resourceColumn", spec.resource().name());
        doc.put("startColumn", spec.start().name());
        doc.put("endColumn", spec.end().name());
        doc.put("startType", spec.start().type().sql());
        doc.put("columns", spec.table().columns().stream().map(Column::name).toList());
        doc.put("primaryKey", spec.table().primaryKeyOpt().map(pk -> pk.columns()).orElse(List.of()));
        doc.put("lanes", window.lanes());
        doc.put("bookings", window.bookings());
        doc.put("free", window.free());
        return doc;
    }

    private Response book(JsonNode body) throws SQLException {
        TimelineSpec spec = timelineSpec(body);
        Map<String, String> values = Json.textMap(body, "values");
        BookingResult<List<String>> result = timeline.book(spec, values);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("columns", spec.table().columns().stream().map(Column::name).toList());
        if (result instanceof BookingResult.Booked<List<String>> booked) {
            doc.put("booked", booked.row());
            return Response.json(doc);
        }
        BookingResult.Conflict<List<String>> conflict = (BookingResult.Conflict<List<String>>) result;
        doc.put("error", "refused: the slot overlaps " + conflict.conflicts().size() + " booking(s) under " + spec.constraint().name());
        doc.put("conflicts", conflict.conflicts());
        return Response.json(409, doc);
    }

    private Response runSql(JsonNode body) throws SQLException {
        String sql = Json.requiredText(body, "sql");
        boolean write = body.path("write").asBoolean(false);
        if (write && !settings.access().consoleWrites()) {
            throw HttpError.forbidden("refused: the console is read-only; " + (settings.access() == AccessMode.READ_ONLY
                    ? "this studio is read-only (" + settings.readOnlyReason() + ")" : "start the studio with --allow-writes to write from the console"));
        }
        try {
            QueryResult result = console.run(sql, write, CONSOLE_ROWS);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("columns", result.columns());
            doc.put("rows", result.rows());
            doc.put("truncated", result.truncated());
            doc.put("updateCount", result.updateCount());
            doc.put("millis", result.millis());
            doc.put("readOnly", !write);
            return Response.json(doc);
        } catch (SQLException e) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("error", console.explain(e));
            doc.put("sqlState", e.getSQLState());
            return Response.json(SqlConsole.READ_ONLY_STATE.equals(e.getSQLState()) ? 403 : 400, doc);
        }
    }

    private Response exportSql(JsonNode body) throws SQLException {
        String sql = Json.requiredText(body, "sql");
        try {
            QueryResult result = console.run(sql, false, EXPORT_ROWS);
            return Exports.file(Optional.ofNullable(Json.optionalText(body, "format")).orElse("csv"), "query", result.columns(), result.rows());
        } catch (SQLException e) {
            return error(SqlConsole.READ_ONLY_STATE.equals(e.getSQLState()) ? 403 : 400, console.explain(e));
        }
    }
}
