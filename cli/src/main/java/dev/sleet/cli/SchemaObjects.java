package dev.sleet.cli;

import dev.sleet.schema.diff.SchemaObject;

/** How {@code verify} and {@code push} name a schema object in their reports. */
final class SchemaObjects {
    private SchemaObjects() {
    }

    /** {@code column public.events.notes}, {@code extension btree_gist}. */
    static String describe(SchemaObject subject) {
        String kind = subject.kind().name().toLowerCase().replace('_', ' ');
        return switch (subject.kind()) {
            case SCHEMA, EXTENSION -> kind + " " + subject.owner().name();
            default -> kind + " " + subject.owner() + (subject.member() == null ? "" : "." + subject.member());
        };
    }
}
