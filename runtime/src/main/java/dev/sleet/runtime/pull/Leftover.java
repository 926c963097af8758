package dev.sleet.runtime.pull;

/**
 * Something in the pulled database that the records do not express, and that the review migration
 * therefore carries: a view, trigger or function, or a part of a table the annotations cannot say
 * (a composite foreign key, a primary key with its own name, …).
 *
 * @param kind   what it is ({@code view}, {@code foreign key}, …)
 * @param object its qualified name
 * @param reason why the records cannot hold it
 */
public record Leftover(String kind, String object, String reason) {
    /** One line for a report or a comment: {@code view app.active_users: records hold tables only}. */
    public String describe() {
        return kind + " " + object + ": " + reason;
    }
}
