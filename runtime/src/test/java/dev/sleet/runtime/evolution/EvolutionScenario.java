package dev.sleet.runtime.evolution;

import java.util.List;
import java.util.Random;

/**
 * One case of the model-level evolution property: a seed for schema A and its edits, the table count
 * of A and the list of edits (indexes into {@link SchemaEditor.Edit}). {@code salt} is mixed into the
 * seed; old findings were reported as (salt, seed, tables, edits), so a regression case keeps all four.
 */
record EvolutionScenario(long salt, long seed, int tables, List<Integer> edits) {

    GenSchema a() {
        return SchemaGenerator.generate(new Random(seed ^ salt), tables);
    }

    GenSchema b() {
        return SchemaEditor.edit(a(), edits, new Random((seed ^ salt) * 31 + 17));
    }

    /** A random scenario with up to {@code maxTables} tables and up to six edits. */
    static EvolutionScenario random(Random r, int maxTables) {
        int editCount = 1 + r.nextInt(6);
        List<Integer> edits = r.ints(editCount, 0, SchemaEditor.Edit.values().length).boxed().toList();
        return new EvolutionScenario(0, r.nextLong() & Long.MAX_VALUE, r.nextInt(maxTables + 1), edits);
    }

    /** How to write this case as a regression entry. */
    String asJava() {
        return "new EvolutionScenario(" + salt + "L, " + seed + "L, " + tables + ", List.of("
                + String.join(", ", edits.stream().map(String::valueOf).toList()) + "))";
    }
}
