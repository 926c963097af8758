package dev.sleet.processor.diagnostics;

/** One filled-in catalogue entry, ready for the {@link Reporter}: the entry (code, severity) and its text. */
public record Message(Diagnostic diagnostic, String text) {
    /** The text as the user reads it, code first: {@code SLEET-E004: @Index on Person names column ...}. */
    public String coded() {
        return diagnostic.code().code() + ": " + text;
    }
}
