package dev.sleet.processor.diagnostics;

import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic.Kind;

/**
 * Reports catalogue messages ({@link Diagnostic}) through the {@link Messager}, pointing at the
 * element, annotation and value that caused them, and remembers whether any error was reported (no
 * files are written then). The only way a processor message reaches the user.
 */
public final class Reporter {
    private final Messager messager;
    private final AnnotationTreeLocator locator;
    private int errors;
    private int warnings;

    public Reporter(Messager messager) {
        this.messager = messager;
        this.locator = null;
    }

    /** With the environment, messages on repeated annotations are placed on the annotation written. */
    public Reporter(ProcessingEnvironment env) {
        this.messager = env.getMessager();
        this.locator = AnnotationTreeLocator.create(env);
    }

    /** Reports at the annotation value (or the annotation, or the element, whichever are non-null). */
    public void report(Message message, Element element, AnnotationMirror mirror, AnnotationValue value) {
        Kind kind = message.diagnostic().kind();
        String text = message.coded();
        element = locatable(element);
        if (kind == Kind.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        if (element != null && mirror != null && locator != null && !element.getAnnotationMirrors().contains(mirror)) {
            // javac places messages only on annotations it can see on the element; nested and repeated ones need the tree.
            AnnotationTreeLocator.Location location = safeLocate(element, mirror, value);
            if (location != null) {
                locator.print(kind, text, location);
                return;
            }
        }
        if (element == null) {
            messager.printMessage(kind, text);
        } else if (mirror == null) {
            messager.printMessage(kind, text, element);
        } else if (value == null) {
            messager.printMessage(kind, text, element, mirror);
        } else {
            messager.printMessage(kind, text, element, mirror, value);
        }
    }

    /** Reports on the element (null: on the compilation as a whole). */
    public void report(Message message, Element element) {
        report(message, element, null, null);
    }

    /** Reports on the annotation. */
    public void report(Message message, Element element, AnnotationMirror mirror) {
        report(message, element, mirror, null);
    }

    private AnnotationTreeLocator.Location safeLocate(Element element, AnnotationMirror mirror, AnnotationValue value) {
        try {
            return locator.locate(element, mirror, value);
        } catch (RuntimeException e) {
            return null; // fall back to javac's own placement
        }
    }

    /**
     * javac cannot place a message on a record component element (it reports it without a file), so
     * messages go to the component's field, which javac positions on the component in the header.
     */
    private static Element locatable(Element element) {
        if (element == null || element.getKind() != ElementKind.RECORD_COMPONENT) {
            return element;
        }
        for (Element member : element.getEnclosingElement().getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(element.getSimpleName())) {
                return member;
            }
        }
        return element;
    }

    public int errorCount() {
        return errors;
    }

    public int warningCount() {
        return warnings;
    }
}
