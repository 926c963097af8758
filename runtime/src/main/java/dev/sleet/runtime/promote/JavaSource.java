package dev.sleet.runtime.promote;

import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.Naming;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What promote reads from a Java source file's text: its package, and whether it declares a table
 * record and which table. Read the way the processor names tables ({@code @Table(name, schema)},
 * else the record's name in snake_case); it only has to find the records, the compiler checks the rest.
 */
final class JavaSource {
    static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*[(<]");
    private static final Pattern TABLE = Pattern.compile("@(?:dev\\.sleet\\.annotations\\.|jakarta\\.persistence\\.)?(Table|Entity)\\b(\\s*\\(([^)]*)\\))?");
    private static final Pattern NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern SCHEMA = Pattern.compile("\\bschema\\s*=\\s*\"([^\"]*)\"");

    private JavaSource() {
    }

    static String packageOf(String content) {
        Matcher m = PACKAGE.matcher(content);
        return m.find() ? m.group(1) : "";
    }

    private static final Pattern ENUM = Pattern.compile("\\benum\\s+(\\w+)\\s*[{]");
    private static final Pattern PG_ENUM = Pattern.compile("@(?:dev\\.sleet\\.annotations\\.)?PgEnum\\b(\\s*\\(([^)]*)\\))?");

    /** A {@code @PgEnum} enum and the type it declares ({@code name}, else the enum's name in snake_case), as the processor names it. */
    static Optional<Promoter.RecordSource> pgEnum(Path file, String content) {
        Matcher type = ENUM.matcher(content);
        if (!type.find()) {
            return Optional.empty();
        }
        Matcher annotation = PG_ENUM.matcher(content.substring(0, type.start()));
        if (!annotation.find()) {
            return Optional.empty();
        }
        String attributes = annotation.group(2) == null ? "" : annotation.group(2);
        return Optional.of(new Promoter.RecordSource(file, packageOf(content), type.group(1),
                tableName(type.group(1), attributes), content));
    }

    static Optional<Promoter.RecordSource> tableRecord(Path file, String content) {
        Matcher record = RECORD.matcher(content);
        if (!record.find()) {
            return Optional.empty();
        }
        String head = content.substring(0, record.start());
        Matcher table = TABLE.matcher(head);
        String attributes = null;
        boolean found = false;
        while (table.find()) {
            found = true;
            if (table.group(1).equals("Table")) {
                attributes = table.group(3) == null ? "" : table.group(3);
            }
        }
        if (!found) {
            return Optional.empty();
        }
        return Optional.of(new Promoter.RecordSource(file, packageOf(content), record.group(1),
                tableName(record.group(1), attributes == null ? "" : attributes), content));
    }

    /** The table a {@code @Table(name = …, schema = …)} names; the snake-cased type name in the default schema when left out. */
    private static QualifiedName tableName(String typeName, String attributes) {
        String name = Naming.snakeCase(typeName);
        String schema = QualifiedName.DEFAULT_SCHEMA;
        Matcher n = NAME.matcher(attributes);
        if (n.find() && !n.group(1).isEmpty()) {
            name = n.group(1);
        }
        Matcher s = SCHEMA.matcher(attributes);
        if (s.find() && !s.group(1).isEmpty()) {
            schema = s.group(1);
        }
        return QualifiedName.of(schema, name);
    }
}
