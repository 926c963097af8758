package dev.sleet.processor.dao;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.RangeConstructor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeExclusionTest {
    private static Optional<RangeExclusion> parse(String expression, String rangeOperator, String keyOperator) {
        return RangeExclusion.parse(new ExclusionConstraint("no_overlap", IndexMethod.GIST,
                List.of(new ExclusionElement("room_id", null, keyOperator), new ExclusionElement(null, expression, rangeOperator)),
                null));
    }

    @Test
    void defaultBoundsAreHalfOpen() {
        RangeExclusion e = parse("tstzrange(start_time, end_time)", "&&", "=").orElseThrow();
        assertThat(e.bounds()).isEqualTo("[)");
        assertThat(e.columnRangeSql()).isEqualTo("tstzrange(\"start_time\", \"end_time\", '[)')");
        assertThat(e.parameterRangeSql()).isEqualTo("tstzrange(?, ?, '[)')");
        assertThat(e.keyColumn()).isEqualTo("room_id");
    }

    @Test
    void explicitBoundsAsIntrospectedWithTextCast() {
        RangeExclusion e = parse("tsrange(\"From\", till, '[]'::text)", "&&", "=").orElseThrow();
        assertThat(e.rangeFunction()).isEqualTo("tsrange");
        assertThat(e.startColumn()).isEqualTo("From");
        assertThat(e.endColumn()).isEqualTo("till");
        assertThat(e.bounds()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"daterange(a, b, '(]')", "INT8RANGE(a, b)", "numrange( a , b , '()' )"})
    void everyBuiltInRangeConstructor(String expression) {
        assertThat(parse(expression, "&&", "=")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tstzrange(a, b + interval '1 hour')", "my_range(a, b)", "during", "tstzrange(a, b, '[x')"})
    void otherExpressionsAreNotTheSchedulingShape(String expression) {
        assertThat(parse(expression, "&&", "=")).isEmpty();
    }

    @Test
    void operatorsMustBeEqualityAndOverlap() {
        assertThat(parse("tstzrange(a, b)", "&&", "<>")).isEmpty();
        assertThat(parse("tstzrange(a, b)", "@>", "=")).isEmpty();
    }

    @Test
    void theShapeComesFromTheModelsStructureNotFromTheText() {
        ExclusionElement structured = new ExclusionElement(null, "whatever the introspector printed", "&&",
                new RangeConstructor("daterange", "first_day", "last_day", "[]"));
        RangeExclusion e = RangeExclusion.parse(new ExclusionConstraint("x", IndexMethod.GIST,
                List.of(new ExclusionElement("room_id", null, "="), structured), null)).orElseThrow();
        assertThat(e.columnRangeSql()).isEqualTo("daterange(\"first_day\", \"last_day\", '[]')");
        assertThat(new ExclusionElement(null, "tstzrange(a, b, '[)')", "&&").rangeOfColumns())
                .contains(new RangeConstructor("tstzrange", "a", "b", "[)"));
    }

    @Test
    void elementOrderDoesNotMatter() {
        ExclusionConstraint reversed = new ExclusionConstraint("x", IndexMethod.GIST,
                List.of(new ExclusionElement(null, "tstzrange(a, b)", "&&"), new ExclusionElement("room_id", null, "=")), "NOT cancelled");
        RangeExclusion e = RangeExclusion.parse(reversed).orElseThrow();
        assertThat(e.keyColumn()).isEqualTo("room_id");
        assertThat(e.where()).isEqualTo("NOT cancelled");
    }
}
