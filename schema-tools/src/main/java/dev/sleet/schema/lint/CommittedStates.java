package dev.sleet.schema.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.model.DatabaseSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The schema committed before each migration of a folder, read only when a rule needs it. Most
 * statements need no state at all (whether a table is new is known from the file itself); column
 * types, index owners and enums are. A meta file holds a whole schema, so a folder of hundreds of
 * generated migrations is not parsed up front: each migration's {@code parents} are read with a
 * streaming parser that stops before the schema, and a schema is parsed when first asked for, its
 * tables shared with the meta files read before ({@link MetaSchemas}).
 * Histories with several heads at that point (a merge) go through {@link Journal}'s three-way
 * merge, computed once.
 */
final class CommittedStates {
    private static final JsonFactory JSON = new JsonFactory();

    private final MigrationsFolder folder;
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, DatabaseSchema> schemas = new HashMap<>();
    private final MetaSchemas metas = new MetaSchemas();
    private Journal journal;

    CommittedStates(MigrationsFolder folder, List<MigrationFile> files) {
        this.folder = folder;
        for (MigrationFile f : files) {
            if (f.generated()) {
                parents.put(f.name(), readParents(folder.metaFile(f.name())));
            }
        }
    }

    /** The state before {@code file}: its parents' for a generated migration, the heads before it for a hand-written one. */
    Supplier<DatabaseSchema> before(MigrationFile file) {
        List<String> heads = file.generated() ? parents.get(file.name()) : headsBefore(file.name());
        return new Memo(() -> stateOf(heads));
    }

    private List<String> headsBefore(String name) {
        Set<String> earlier = new HashSet<>();
        Set<String> named = new HashSet<>();
        parents.forEach((migration, ps) -> {
            if (migration.compareTo(name) < 0) {
                earlier.add(migration);
                named.addAll(ps);
            }
        });
        List<String> heads = new ArrayList<>();
        for (String m : earlier) {
            if (!named.contains(m)) {
                heads.add(m);
            }
        }
        return heads.stream().sorted().toList();
    }

    private DatabaseSchema stateOf(List<String> heads) {
        if (heads.isEmpty()) {
            return DatabaseSchema.EMPTY;
        }
        if (heads.size() == 1) {
            return schema(heads.get(0));
        }
        if (journal == null) {
            journal = folder.journal();
        }
        return journal.stateOf(heads);
    }

    private DatabaseSchema schema(String migration) {
        return schemas.computeIfAbsent(migration, m -> metas.read(folder.metaFile(m)));
    }

    /** The {@code parents} array of a meta file, read without parsing the schema that follows it. */
    private static List<String> readParents(Path meta) {
        try (JsonParser p = JSON.createParser(Files.newBufferedReader(meta, StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JournalException(meta + " is not a JSON object; restore it from version control");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("parents") && value == JsonToken.START_ARRAY) {
                    List<String> out = new ArrayList<>();
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        out.add(p.getText());
                    }
                    return out.stream().sorted().toList();
                }
                p.skipChildren();
            }
            throw new JournalException(meta + " has no \"parents\"; restore it from version control");
        } catch (IOException e) {
            throw new JournalException("cannot read " + meta + ": " + e.getMessage(), e);
        }
    }

    /** Computes the state once, on first use. */
    private static final class Memo implements Supplier<DatabaseSchema> {
        private Supplier<DatabaseSchema> source;
        private DatabaseSchema value;

        Memo(Supplier<DatabaseSchema> source) {
            this.source = source;
        }

        @Override
        public DatabaseSchema get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
