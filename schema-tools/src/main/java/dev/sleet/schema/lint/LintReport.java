package dev.sleet.schema.lint;

import java.util.List;

/**
 * What one lint run found, in file and line order.
 *
 * @param files    how many migration files were read
 * @param findings every finding, suppressed ones included (they carry their nolint reason)
 */
public record LintReport(int files, List<Finding> findings) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Findings not silenced by a nolint. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.isSuppressed()).toList();
    }

    public long errors() {
        return active().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return active().stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /**
     * Whether the run fails at {@code threshold} ({@link Severity#ERROR} or {@link Severity#WARNING}):
     * an active error always fails; an active warning fails only at the warning threshold.
     */
    public boolean failsAt(Severity threshold) {
        return active().stream().anyMatch(f -> f.severity() == Severity.ERROR
                || (threshold == Severity.WARNING && f.severity() == Severity.WARNING));
    }

    public long suppressed() {
        return findings.stream().filter(Finding::isSuppressed).count();
    }
}
