package dev.sleet.schema.journal;

import java.util.List;

/**
 * Two branches changed the same schema object in different ways. Carries both migrations and the
 * objects in conflict so the caller can name them.
 */
public final class MergeConflictException extends JournalException {
    private final String firstMigration;
    private final String secondMigration;
    private final List<String> objects;

    public MergeConflictException(String firstMigration, String secondMigration, List<String> objects) {
        super("migrations " + firstMigration + " and " + secondMigration + " both change " + String.join(", ", objects)
                + " in different ways; keep one of the two changes: delete or edit one of these migrations"
                + " (and its meta/ file), then build again");
        this.firstMigration = firstMigration;
        this.secondMigration = secondMigration;
        this.objects = List.copyOf(objects);
    }

    public String firstMigration() {
        return firstMigration;
    }

    public String secondMigration() {
        return secondMigration;
    }

    /** The objects changed on both sides, e.g. {@code column public.users.email}. */
    public List<String> objects() {
        return objects;
    }
}
