package dev.sleet.processor.diagnostics;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds the source tree of an annotation or annotation value that javac's Messager cannot place:
 * the annotations of a repeated {@code @Index}/{@code @Check}/... live in a container javac
 * synthesizes, which has no tree, so its messages would land on the record line instead of the
 * annotation that is wrong. Matches mirrors to trees structurally (n-th annotation of a type,
 * attribute by name, array item by position).
 */
final class AnnotationTreeLocator {
    private final Trees trees;

    private AnnotationTreeLocator(Trees trees) {
        this.trees = trees;
    }

    /** Null outside javac (the Trees API is javac's). */
    static AnnotationTreeLocator create(ProcessingEnvironment env) {
        try {
            return new AnnotationTreeLocator(Trees.instance(env));
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    record Location(Tree tree, TreePath path) {
    }

    /** The tree of {@code value} (or of {@code mirror} when value is null) on {@code element}, or null. */
    Location locate(Element element, AnnotationMirror mirror, AnnotationValue value) {
        TreePath path = trees.getPath(element);
        if (path == null) {
            return null;
        }
        List<? extends AnnotationTree> annotationTrees = annotationsOf(path.getLeaf());
        if (annotationTrees == null) {
            return null;
        }
        Object target = value != null ? value : mirror;
        List<AnnotationMirror> flattened = new ArrayList<>();
        for (AnnotationMirror top : element.getAnnotationMirrors()) {
            if (treesOfType(annotationTrees, simpleName(top)).isEmpty()) {
                // A synthesized container: its items are the written annotations.
                for (AnnotationValue v : top.getElementValues().values()) {
                    if (v.getValue() instanceof List<?> items) {
                        for (Object item : items) {
                            if (((AnnotationValue) item).getValue() instanceof AnnotationMirror m) {
                                flattened.add(m);
                            }
                        }
                    }
                }
            } else {
                flattened.add(top);
            }
        }
        for (AnnotationMirror written : flattened) {
            List<AnnotationTree> sameType = treesOfType(annotationTrees, simpleName(written));
            int ordinal = 0;
            for (AnnotationMirror other : flattened) {
                if (other == written) {
                    break;
                }
                if (simpleName(other).equals(simpleName(written))) {
                    ordinal++;
                }
            }
            if (ordinal >= sameType.size()) {
                continue;
            }
            Tree found = find(written, sameType.get(ordinal), target);
            if (found != null) {
                return new Location(found, path);
            }
        }
        return null;
    }

    private static List<? extends AnnotationTree> annotationsOf(Tree leaf) {
        return switch (leaf.getKind()) {
            case CLASS, RECORD, ENUM, INTERFACE, ANNOTATION_TYPE -> ((com.sun.source.tree.ClassTree) leaf).getModifiers().getAnnotations();
            case VARIABLE -> ((com.sun.source.tree.VariableTree) leaf).getModifiers().getAnnotations();
            case METHOD -> ((com.sun.source.tree.MethodTree) leaf).getModifiers().getAnnotations();
            default -> null;
        };
    }

    private static List<AnnotationTree> treesOfType(List<? extends AnnotationTree> all, String simpleName) {
        List<AnnotationTree> out = new ArrayList<>();
        for (AnnotationTree tree : all) {
            String written = tree.getAnnotationType().toString();
            if (written.equals(simpleName) || written.endsWith("." + simpleName)) {
                out.add(tree);
            }
        }
        return out;
    }

    private static String simpleName(AnnotationMirror mirror) {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }

    private static Tree find(AnnotationMirror mirror, AnnotationTree tree, Object target) {
        if (mirror == target) {
            return tree;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            ExpressionTree argument = argument(tree, e.getKey().getSimpleName().toString());
            if (argument != null) {
                Tree found = findValue(e.getValue(), argument, target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Tree findValue(AnnotationValue value, ExpressionTree tree, Object target) {
        if (value == target) {
            return tree;
        }
        Object inner = value.getValue();
        if (inner instanceof AnnotationMirror nested && tree instanceof AnnotationTree nestedTree) {
            return find(nested, nestedTree, target);
        }
        if (inner instanceof List<?> items) {
            List<? extends ExpressionTree> itemTrees = tree instanceof NewArrayTree array && array.getInitializers() != null
                    ? array.getInitializers() : List.of(tree);
            for (int i = 0; i < items.size() && i < itemTrees.size(); i++) {
                Tree found = findValue((AnnotationValue) items.get(i), itemTrees.get(i), target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static ExpressionTree argument(AnnotationTree tree, String attribute) {
        for (ExpressionTree argument : tree.getArguments()) {
            if (argument instanceof AssignmentTree assignment) {
                if (assignment.getVariable() instanceof IdentifierTree id && id.getName().contentEquals(attribute)) {
                    return assignment.getExpression();
                }
            } else if (attribute.equals("value")) {
                return argument;
            }
        }
        return null;
    }

    void print(javax.tools.Diagnostic.Kind kind, String message, Location location) {
        trees.printMessage(kind, message, location.tree(), location.path().getCompilationUnit());
    }
}
