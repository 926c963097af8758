package dev.sleet.processor;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code -A} options. Without {@code sleet.migrations} no draft is written (mode defaults to
 * off) but the snapshot still goes to the class output.
 */
public record ProcessorOptions(Path migrations, Mode mode, boolean strict, Instant clock, boolean daos, List<Message> problems,
                               String lint, boolean safe, String overlay) {
    public static final String MIGRATIONS = "sleet.migrations";
    public static final String MODE = "sleet.mode";
    public static final String STRICT = "sleet.strict";
    public static final String CLOCK = "sleet.clock";
    /** {@code -Asleet.daos=false}: schema and migrations only, no DAO sources. */
    public static final String DAOS = "sleet.daos";
    /** {@code -Asleet.lint=PG101=off,MF=error}: lint severities over the folder's sleet-lint.properties (docs/DIAGNOSTICS.md). */
    public static final String LINT = "sleet.lint";
    /** {@code -Asleet.lint=off}: no lint pass at all. */
    public static final String LINT_OFF = "off";
    /**
     * {@code -Asleet.safe=false}: plain drafts. On by default: changes to existing tables are drafted in their
     * lock-friendly form (docs/MIGRATIONS.md "Safe drafts").
     */
    public static final String SAFE = "sleet.safe";
    /**
     * {@code -Asleet.overlay=team-d}: this module is an overlay named team-d over the shared module whose
     * snapshot is on the class path (docs/OVERLAYS.md); its files go under {@code META-INF/sleet/overlays/team-d}.
     */
    public static final String OVERLAY = "sleet.overlay";
    public static final Set<String> ALL = Set.of(MIGRATIONS, MODE, STRICT, CLOCK, DAOS, LINT, SAFE, OVERLAY);
    private static final java.util.regex.Pattern OWNER_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public enum Mode { GENERATE, CHECK, OFF }

    public static ProcessorOptions parse(Map<String, String> options) {
        List<Message> problems = new ArrayList<>();
        String dir = options.get(MIGRATIONS);
        Path migrations = dir == null || dir.isBlank() ? null : Path.of(dir.strip());
        Mode mode = migrations == null ? Mode.OFF : Mode.GENERATE;
        String modeText = options.get(MODE);
        if (modeText != null && !modeText.isBlank()) {
            try {
                mode = Mode.valueOf(modeText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Diagnostic.OPTION_NOT_A_MODE.with(MODE, modeText));
            }
        }
        if (mode != Mode.OFF && migrations == null) {
            problems.add(Diagnostic.OPTION_MODE_NEEDS_FOLDER.with(MODE, mode.name().toLowerCase(Locale.ROOT), MIGRATIONS));
            mode = Mode.OFF;
        }
        String strictText = options.get(STRICT);
        boolean strict = false;
        if (strictText != null) {
            // A bare -Asleet.strict arrives as null value in some tools and as "" in others: both mean true.
            String s = strictText.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.equals("true")) {
                strict = true;
            } else if (!s.equals("false")) {
                problems.add(Diagnostic.OPTION_NOT_A_BOOLEAN.with(STRICT, strictText));
            }
        } else if (options.containsKey(STRICT)) {
            strict = true;
        }
        Instant clock = null;
        String clockText = options.get(CLOCK);
        if (clockText != null && !clockText.isBlank()) {
            try {
                clock = Instant.parse(clockText.strip());
            } catch (DateTimeParseException e) {
                problems.add(Diagnostic.OPTION_NOT_AN_INSTANT.with(CLOCK, clockText));
            }
        }
        String daosText = options.get(DAOS);
        boolean daos = true;
        if (daosText != null && !daosText.isBlank()) {
            String d = daosText.strip().toLowerCase(Locale.ROOT);
            if (d.equals("false")) {
                daos = false;
            } else if (!d.equals("true")) {
                problems.add(Diagnostic.OPTION_NOT_A_BOOLEAN.with(DAOS, daosText));
            }
        }
        String safeText = options.get(SAFE);
        boolean safe = true;
        if (safeText != null && !safeText.isBlank()) {
            String v = safeText.strip().toLowerCase(Locale.ROOT);
            if (v.equals("false")) {
                safe = false;
            } else if (!v.equals("true")) {
                problems.add(Diagnostic.OPTION_NOT_A_BOOLEAN.with(SAFE, safeText));
            }
        }
        String lint = options.get(LINT);
        try {
            if (!LINT_OFF.equalsIgnoreCase(lint == null ? "" : lint.strip())) {
                dev.sleet.schema.lint.LintPolicy.parse(lint);
            }
        } catch (IllegalArgumentException e) {
            problems.add(Diagnostic.OPTION_BAD_LINT_POLICY.with(LINT, e.getMessage()));
            lint = null;
        }
        String overlay = options.get(OVERLAY);
        if (overlay != null) {
            overlay = overlay.strip();
            if (!OWNER_NAME.matcher(overlay).matches() || overlay.equals(dev.sleet.schema.migration.SharedRequirement.SHARED)) {
                problems.add(Diagnostic.OPTION_BAD_OWNER_NAME.with(OVERLAY, overlay));
                overlay = null;
            }
        }
        return new ProcessorOptions(migrations, mode, strict, clock, daos, problems, lint, safe, overlay);
    }

    /** Whether this module is an overlay over a shared module. */
    public boolean isOverlay() {
        return overlay != null;
    }

    public Instant now() {
        return clock != null ? clock : Instant.now();
    }
}
