package dev.sleet.cli;

import dev.sleet.runtime.fleet.FleetListener;
import dev.sleet.runtime.fleet.FleetTarget;
import dev.sleet.runtime.fleet.LedgerEntry;
import dev.sleet.runtime.fleet.TargetState;
import java.io.PrintWriter;

/** How {@code fleet migrate} shows progress on standard error. */
final class FleetProgress {
    private FleetProgress() {
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** One line per finished target, for logs and CI. */
    static final class Lines implements FleetListener {
        private final PrintWriter err;

        Lines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void waveStarting(int number, int size) {
            synchronized (err) {
                err.println((number == 1 ? "wave 1" : "wave " + number) + ": " + size + " target(s)");
                err.flush();
            }
        }

        @Override
        public void targetFinished(FleetTarget target, LedgerEntry e, int done, int total) {
            String what = e.state() == TargetState.SUCCEEDED
                    ? "ok " + target.id() + " (" + e.applied() + " applied, " + e.durationMs() + " ms)"
                    : e.state() + " " + target.id() + " " + e.failure() + ": " + firstLine(e.error() == null ? "" : e.error());
            synchronized (err) {
                err.println("[" + done + "/" + total + "] " + what);
                err.flush();
            }
        }
    }

    /** A bar redrawn in place, for a person at a terminal; failures still get a line of their own. */
    static final class Bar implements FleetListener {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private int failed;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void targetFinished(FleetTarget target, LedgerEntry e, int done, int total) {
            if (e.state() == TargetState.FAILED) {
                failed++;
                err.print("\r\033[K");
                err.println("FAILED " + target.id() + " " + e.failure() + ": " + firstLine(e.error() == null ? "" : e.error()));
            }
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + (failed > 0 ? " (" + failed + " failed)" : ""));
            if (done == total) {
                err.println();
            }
            err.flush();
        }
    }
}
