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

    public long suppressed() {
        return findings.stream().filter(Finding::isSuppressed).count();
    }
}
