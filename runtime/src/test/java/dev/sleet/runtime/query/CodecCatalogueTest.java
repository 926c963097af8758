package dev.sleet.runtime.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.types.JavaType;
import dev.sleet.schema.types.JavaTypes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runtime codecs and the type catalogue the processor reads agree: same codecs, same SQL types. */
class CodecCatalogueTest {
    @Test
    void everyCatalogueEntryNamesACodecWithItsSqlType() throws Exception {
        for (JavaType type : JavaTypes.ALL) {
            Field field = Codecs.class.getField(type.codec());
            Codec<?> codec = (Codec<?>) field.get(null);
            assertThat(codec.sqlType()).as(type.name()).isEqualTo(type.sqlType());
        }
    }

    @Test
    void everyCodecConstantIsInTheCatalogue() throws Exception {
        Set<String> named = new HashSet<>();
        JavaTypes.ALL.forEach(t -> named.add(t.codec()));
        for (Field field : Codecs.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Codec.class.isAssignableFrom(field.getType())) {
                assertThat(named).as("codec %s has a catalogue entry", field.getName()).contains(field.getName());
            }
        }
    }
}
