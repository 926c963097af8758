package dev.sleet.runtime.fleet;

/** When a fleet run stops starting new targets because some failed. Running targets always finish. */
public sealed interface FailurePolicy {

    /** True when, with {@code failed} of {@code total} targets failed so far, no new target should start. */
    boolean halts(int failed, int total);

    /** Stop after the first failure. */
    record Halt() implements FailurePolicy {
        @Override
        public boolean halts(int failed, int total) {
            return failed > 0;
        }

        @Override
        public String toString() {
            return "halt";
        }
    }

    /** Migrate every target whatever fails. */
    record Continue() implements FailurePolicy {
        @Override
        public boolean halts(int failed, int total) {
            return false;
        }

        @Override
        public String toString() {
            return "continue";
        }
    }

    /** Stop once more than {@code percent} of all targets failed. */
    record HaltAfter(double percent) implements FailurePolicy {
        public HaltAfter {
            if (!(percent >= 0 && percent <= 100)) {
                throw new FleetException("halt-after needs a percentage between 0 and 100, not " + percent);
            }
        }

        @Override
        public boolean halts(int failed, int total) {
            return total > 0 && failed * 100.0 / total > percent;
        }

        @Override
        public String toString() {
            return "halt-after=" + (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
        }
    }

    /** {@code halt}, {@code continue} or {@code halt-after=5%} (the {@code %} is optional). */
    static FailurePolicy parse(String text) {
        String t = text.strip().toLowerCase();
        if (t.equals("halt")) {
            return new Halt();
        }
        if (t.equals("continue")) {
            return new Continue();
        }
        if (t.startsWith("halt-after=")) {
            String number = t.substring("halt-after=".length());
            if (number.endsWith("%")) {
                number = number.substring(0, number.length() - 1);
            }
            try {
                return new HaltAfter(Double.parseDouble(number));
            } catch (NumberFormatException e) {
                throw new FleetException("cannot read the failure policy '" + text + "': write halt, continue or halt-after=5%");
            }
        }
        throw new FleetException("unknown failure policy '" + text + "': write halt, continue or halt-after=5%");
    }
}
