package dev.sleet.processor;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A test processor that runs beside (or instead of) Sleet's and acts once, in the first round, on
 * every source: for the tests that need another processor's output or a stand-in for part of Sleet's.
 * It claims no annotation, so the other processors still see every one.
 */
public abstract class FirstRoundProcessor extends AbstractProcessor {
    private boolean done;

    /** What the processor does, once, in the first round. */
    protected abstract void firstRound(RoundEnvironment round);

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public final boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!done) {
            done = true;
            firstRound(round);
        }
        return false;
    }
}
