package dev.sleet.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times single operations of several contenders, interleaved: every contender is warmed up,
 * then each round runs a block of operations of every contender in turn (the order rotating
 * each round), so slow drifts of the machine (other load, autovacuum) hit all of them alike.
 */
public final class LatencyRace {
    /** One operation; {@code i} counts this contender's calls, so contenders can see the same parameters. */
    @FunctionalInterface
    public interface Op {
        void run(int i) throws Exception;
    }

    public record Contender(String name, Op op) {
    }

    /** How many operations: warm-up per contender, then rounds × perRound timed ones. */
    public record Plan(int warmup, int rounds, int perRound) {
        public Plan scaled(double factor) {
            return new Plan(Math.max(1, (int) (warmup * factor)), rounds, Math.max(1, (int) (perRound * factor)));
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "%,d warm-up calls, then %d interleaved rounds × %,d timed calls", warmup, rounds, perRound);
        }
    }

    private LatencyRace() {
    }

    public static Map<String, Samples> run(Plan plan, List<Contender> contenders) {
        int[] counters = new int[contenders.size()];
        Map<String, Samples> samples = new LinkedHashMap<>();
        for (Contender c : contenders) {
            samples.put(c.name(), new Samples(plan.rounds() * plan.perRound()));
        }
        for (int k = 0; k < contenders.size(); k++) {
            Contender c = contenders.get(k);
            for (int n = 0; n < plan.warmup(); n++) {
                call(c, counters[k]++);
            }
        }
        for (int round = 0; round < plan.rounds(); round++) {
            for (int j = 0; j < contenders.size(); j++) {
                int k = (j + round) % contenders.size();
                Contender c = contenders.get(k);
                Samples s = samples.get(c.name());
                for (int n = 0; n < plan.perRound(); n++) {
                    int i = counters[k]++;
                    long t0 = System.nanoTime();
                    call(c, i);
                    s.add(System.nanoTime() - t0);
                }
            }
        }
        return samples;
    }

    private static void call(Contender c, int i) {
        try {
            c.op().run(i);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(c.name() + " failed: " + e.getMessage(), e);
        }
    }
}
