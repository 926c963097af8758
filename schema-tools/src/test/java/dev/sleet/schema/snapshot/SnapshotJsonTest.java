package dev.sleet.schema.snapshot;

import static dev.sleet.schema.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.Fixtures;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    @Test
    void roundTripsTheRichSchemaExactly() {
        DatabaseSchema schema = Fixtures.catering();
        assertThat(SnapshotJson.read(SnapshotJson.write(schema))).isEqualTo(schema);
    }

    @Test
    void sameSchemaBuiltInAnotherOrderGivesTheSameBytes() {
        DatabaseSchema schema = Fixtures.catering();
        List<Table> tables = new ArrayList<>(schema.tables());
        Collections.reverse(tables);
        List<dev.sleet.schema.model.EnumType> enums = new ArrayList<>(schema.enums());
        Collections.reverse(enums);
        DatabaseSchema shuffled = new DatabaseSchema(new TreeSet<>(schema.schemas()), schema.extensions(), enums, tables);
        assertThat(SnapshotJson.write(shuffled)).isEqualTo(SnapshotJson.write(schema));
        assertThat(SnapshotJson.write(SnapshotJson.read(SnapshotJson.write(schema)))).isEqualTo(SnapshotJson.write(schema));
    }

    @Test
    void layoutIsReviewableJson() {
        DatabaseSchema schema = schema(List.of(enumType("event_status", "inquiry", "done")),
                withPrimaryKey(table("events",
                        identity("id"),
                        renamed(withDefault(new Column("status", new ColumnType.EnumRef(pub("event_status"), false), false), "'inquiry'"), "state"),
                        nullable("notes", "varchar(500)")), "events_pkey", "id"));
        assertThat(SnapshotJson.write(schema)).isEqualTo("""
                {
                  "format": 1,
                  "schemas": ["public"],
                  "extensions": [],
                  "enums": [
                    {
                      "schema": "public",
                      "name": "event_status",
                      "values": ["inquiry", "done"]
                    }
                  ],
                  "tables": [
                    {
                      "schema": "public",
                      "name": "events",
                      "columns": [
                        {
                          "name": "id",
                          "type": "bigint",
                          "identity": "always"
                        },
                        {
                          "name": "status",
                          "type": {
                            "enum": "event_status",
                            "schema": "public"
                          },
                          "default": "'inquiry'",
                          "renamedFrom": ["state"]
                        },
                        {
                          "name": "notes",
                          "type": "character varying(500)",
                          "nullable": true
                        }
                      ],
                      "primaryKey": {
                        "name": "events_pkey",
                        "columns": ["id"]
                      }
                    }
                  ]
                }
                """);
    }

    @Test
    void hostileNamesAndEnumArraysSurvive() {
        QualifiedName odd = QualifiedName.of("my.schema", "Order \"Lines\" ✓\n");
        DatabaseSchema schema = new DatabaseSchema(new TreeSet<>(List.of("my.schema", "public")), new TreeSet<>(),
                List.of(new dev.sleet.schema.model.EnumType(QualifiedName.of("my.schema", "käse"), List.of("a'b", "\"c\""))),
                List.of(table(odd, new Column("user", new ColumnType.EnumRef(QualifiedName.of("my.schema", "käse"), true), true))));
        String json = SnapshotJson.write(schema);
        assertThat(json).contains("\"array\": true").contains("✓").contains("\\n");
        assertThat(SnapshotJson.read(json)).isEqualTo(schema);
    }

    @Test
    void errorsNameTheJsonPath() {
        String good = SnapshotJson.write(Fixtures.catering());
        assertThatThrownBy(() -> SnapshotJson.read(good.replaceFirst("\"type\": \"bigint\"", "\"type\": 5")))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageStartingWith("$.tables[0].columns[0].type: expected a type name");
        assertThatThrownBy(() -> SnapshotJson.read(good.replaceFirst("\"identity\": \"always\"", "\"identity\": \"sometimes\"")))
                .hasMessage("$.tables[0].columns[0].identity: unknown value \"sometimes\"; expected one of [always, by_default]");
        assertThatThrownBy(() -> SnapshotJson.read(good.replaceFirst("\"nullable\": true", "\"nulable\": true")))
                .hasMessageStartingWith("$.tables[1].columns[2].nulable: unknown key");
        assertThatThrownBy(() -> SnapshotJson.read(good.replaceFirst("\"format\": 1", "\"format\": 2")))
                .hasMessageContaining("$.format: snapshot format 2 is not supported").hasMessageContaining("upgrade Sleet");
        assertThatThrownBy(() -> SnapshotJson.read("{\"format\": 1, \"tables\": [{\"schema\": \"public\"}]}"))
                .hasMessage("$.tables[0].name: missing; this key is required");
        assertThatThrownBy(() -> SnapshotJson.read("{\"format\": 1, \"tables\": {}}"))
                .hasMessage("$.tables: expected an array, found an object");
        assertThatThrownBy(() -> SnapshotJson.read("{\"format\": 1,"))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> SnapshotJson.read("{\"format\": 1, \"format\": 1}"))
                .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> SnapshotJson.read(""))
                .isInstanceOf(SnapshotFormatException.class);
    }

    @Test
    void emptySchemaIsShort() {
        assertThat(SnapshotJson.write(DatabaseSchema.EMPTY)).isEqualTo("""
                {
                  "format": 1,
                  "schemas": [],
                  "extensions": [],
                  "enums": [],
                  "tables": []
                }
                """);
        assertThat(SnapshotJson.read(SnapshotJson.write(DatabaseSchema.EMPTY))).isEqualTo(DatabaseSchema.EMPTY);
    }
}
