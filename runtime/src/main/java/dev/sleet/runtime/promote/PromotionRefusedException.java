package dev.sleet.runtime.promote;

import java.util.List;

/** A promotion that cannot go ahead; nothing was written. Each problem names what is in the way and what to do. */
public final class PromotionRefusedException extends RuntimeException {
    private final List<String> problems;

    public PromotionRefusedException(List<String> problems) {
        super("promotion refused, nothing was written:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
