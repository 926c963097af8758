package dev.sleet.schema.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** An ordered list of DDL statements produced by {@link SchemaDiffer}. */
public record MigrationPlan(List<PlannedStatement> statements) {

    /** Longest {@link #slug()}; keeps file names readable in a directory listing. */
    public static final int MAX_SLUG_LENGTH = 50;

    public MigrationPlan {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public boolean isDestructive() {
        return statements.stream().anyMatch(s -> s.destructive() != null);
    }

    /** The SQL of every statement in order, without trailing semicolons. */
    public List<String> sql() {
        return statements.stream().map(PlannedStatement::sql).toList();
    }

    /** The statements that may lose data. */
    public List<PlannedStatement> destructiveStatements() {
        return statements.stream().filter(s -> s.destructive() != null).toList();
    }

    /**
     * A short snake_case summary for a migration file name, e.g. {@code create_clients_users} or
     * {@code add_events_notes}: a verb per kind of change followed by the names it touches, at most
     * {@value #MAX_SLUG_LENGTH} characters. Tables and columns name the change when present, then enums and
     * schemas; constraints and indexes only when nothing else changed. {@code no_changes} for an empty
     * plan, {@code schema_change} when no name survives the reduction to {@code [a-z0-9_]}.
     */
    public String slug() {
        if (statements.isEmpty()) {
            return "no_changes";
        }
        Map<String, Set<String>> words = new LinkedHashMap<>();
        // Tables and columns first, then enums and schemas; constraints and indexes, and after them
        // extensions, only name a change that touches nothing else.
        for (int[] pass : new int[][] {{0, 1}, {2}, {3}}) {
            for (int rank : pass) {
                for (PlannedStatement s : statements) {
                    if (rank(s.subject().kind()) == rank) {
                        String word = slugWord(s.subject());
                        if (!word.isEmpty()) {
                            words.computeIfAbsent(verb(s), v -> new LinkedHashSet<>()).add(word);
                        }
                    }
                }
            }
            if (!words.isEmpty()) {
                break;
            }
        }
        List<String> parts = new ArrayList<>();
        int length = 0;
        outer:
        for (Map.Entry<String, Set<String>> e : words.entrySet()) {
            boolean verbWritten = false;
            for (String w : e.getValue()) {
                String piece = verbWritten ? w : e.getKey() + "_" + w;
                int added = piece.length() + (parts.isEmpty() ? 0 : 1);
                if (length + added > MAX_SLUG_LENGTH) {
                    if (parts.isEmpty()) {
                        parts.add(piece.substring(0, MAX_SLUG_LENGTH).replaceAll("_+$", ""));
                    }
                    break outer;
                }
                parts.add(piece);
                length += added;
                verbWritten = true;
            }
        }
        return parts.isEmpty() ? "schema_change" : String.join("_", parts);
    }

    private static int rank(SchemaObject.Kind kind) {
        return switch (kind) {
            case TABLE, COLUMN -> 0;
            case SCHEMA, ENUM -> 1;
            case PRIMARY_KEY, FOREIGN_KEY, UNIQUE, CHECK, EXCLUSION, INDEX -> 2;
            case EXTENSION, DISTRIBUTION -> 3;
        };
    }

    private static String verb(PlannedStatement s) {
        if (s.subject().kind() == SchemaObject.Kind.DISTRIBUTION) {
            return switch (s.change()) {
                case ADD -> "distribute";
                case DROP -> "undistribute";
                default -> "redistribute";
            };
        }
        boolean container = switch (s.subject().kind()) {
            case SCHEMA, TABLE, ENUM, EXTENSION -> true;
            default -> false;
        };
        return switch (s.change()) {
            case ADD -> container ? "create" : "add";
            case DROP -> "drop";
            case RENAME -> "rename";
            case ALTER -> "alter";
        };
    }

    private static String slugWord(SchemaObject o) {
        String raw = switch (o.kind()) {
            case SCHEMA, EXTENSION, TABLE, ENUM -> o.owner().name();
            case COLUMN -> o.owner().name() + "_" + o.member();
            default -> o.member() == null ? o.owner().name() : o.member();
        };
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
