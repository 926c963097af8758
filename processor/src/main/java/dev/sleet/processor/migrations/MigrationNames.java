package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.ChangeKind;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code YYYYMMDD_HHMMSS_<what_changed>} names: a UTC timestamp and a slug read from the plan. */
public final class MigrationNames {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern PREFIX = Pattern.compile("^\\d{8}_\\d{6}");
    private static final int MAX_SLUG = 60;

    private MigrationNames() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The timestamp prefix of a migration name, if it has one. */
    public static Optional<String> timestampOf(String name) {
        var m = PREFIX.matcher(name);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * A timestamp that sorts after {@code newest} (a fixed or skewed clock must never put a new
     * migration before an existing one).
     */
    public static String timestampAfter(Instant now, String newest) {
        String candidate = timestamp(now);
        if (newest == null || candidate.compareTo(newest) > 0) {
            return candidate;
        }
        Optional<String> prefix = timestampOf(newest);
        if (prefix.isEmpty()) {
            return candidate;
        }
        LocalDateTime last = LocalDateTime.parse(prefix.get(), DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        return timestamp(last.plusSeconds(1).toInstant(ZoneOffset.UTC));
    }

    /** E.g. {@code create_clients_users}, {@code add_events_notes}, {@code drop_old_table_and_more}. */
    public static String slug(MigrationPlan plan) {
        Map<String, Set<String>> nounsByVerb = new LinkedHashMap<>();
        for (PlannedStatement statement : plan.statements()) {
            SchemaObject subject = statement.subject();
            if (subject == null) {
                continue;
            }
            String verb = verb(statement.change(), subject.kind());
            String noun = noun(subject);
            if (verb == null || noun.isEmpty()) {
                continue;
            }
            nounsByVerb.computeIfAbsent(verb, v -> new LinkedHashSet<>()).add(noun);
        }
        if (nounsByVerb.isEmpty()) {
            // Only schemas/extensions or subjects without a name: name the first statement's object.
            for (PlannedStatement statement : plan.statements()) {
                if (statement.subject() != null) {
                    return clean(statement.change().name().toLowerCase(Locale.ROOT) + "_" + noun(statement.subject()));
                }
            }
            return "schema_change";
        }
        List<String> parts = new ArrayList<>();
        nounsByVerb.forEach((verb, nouns) -> parts.add(verb + "_" + String.join("_", nouns)));
        String slug = clean(String.join("_", parts));
        if (slug.length() > MAX_SLUG) {
            int cut = slug.lastIndexOf('_', MAX_SLUG - "_and_more".length());
            slug = slug.substring(0, cut > 0 ? cut : MAX_SLUG - "_and_more".length()) + "_and_more";
        }
        return slug;
    }

    private static String verb(ChangeKind change, SchemaObject.Kind kind) {
        return switch (kind) {
            case TABLE, ENUM -> switch (change) {
                case ADD -> "create";
                case DROP -> "drop";
                case ALTER -> "alter";
                case RENAME -> "rename";
            };
            case COLUMN -> switch (change) {
                case ADD -> "add";
                case DROP -> "drop";
                case ALTER -> "alter";
                case RENAME -> "rename";
            };
            case SCHEMA, EXTENSION -> null;
            default -> change == ChangeKind.DROP ? "drop" : (change == ChangeKind.ADD ? "add" : "alter");
        };
    }

    private static String noun(SchemaObject subject) {
        if (subject.owner() == null) {
            return "";
        }
        String owner = subject.owner().name();
        return switch (subject.kind()) {
            case TABLE, ENUM, SCHEMA, EXTENSION -> owner;
            case COLUMN -> owner + "_" + subject.member();
            default -> subject.member() != null ? subject.member() : owner;
        };
    }

    private static String clean(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return slug.isEmpty() ? "schema_change" : slug;
    }
}
