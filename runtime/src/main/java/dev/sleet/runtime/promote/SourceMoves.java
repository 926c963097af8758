package dev.sleet.runtime.promote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source edits of a promotion: each record file moves to the shared module's package folder
 * with its {@code package} line rewritten, and every other overlay source that names a moved type
 * (the record, or its generated {@code Dao}, {@code Table} and {@code New} types) gets its import
 * rewritten or added. Nothing else in any file changes, so {@code git diff} shows exactly the move.
 */
final class SourceMoves {
    private final List<PromotionPlan.SourceFile> written;
    private final List<Path> removed;

    private SourceMoves(List<PromotionPlan.SourceFile> written, List<Path> removed) {
        this.written = written;
        this.removed = removed;
    }

    List<PromotionPlan.SourceFile> written() {
        return written;
    }

    List<Path> removed() {
        return removed;
    }

    /** @param enums the {@code @PgEnum} enums whose types move with the records; they move the same way (no generated types) */
    static SourceMoves plan(Promoter.ModuleFiles overlay, Promoter.ModuleFiles shared, List<Promoter.RecordSource> records,
                            List<Promoter.RecordSource> enums, String pkg, List<String> problems) {
        List<PromotionPlan.SourceFile> written = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        Path targetDir = shared.sources().resolve(pkg.replace('.', '/'));
        // type simple name → its old package, for every type that moves (generated ones move with their record)
        Map<String, String> moved = new LinkedHashMap<>();
        for (Promoter.RecordSource r : records) {
            for (String type : List.of(r.recordName(), r.recordName() + "Dao", r.recordName() + "Table", "New" + r.recordName())) {
                moved.put(type, r.packageName());
            }
        }
        for (Promoter.RecordSource e : enums) {
            moved.put(e.recordName(), e.packageName());
        }
        List<Path> overlayFiles = overlay.javaFiles();
        List<Promoter.RecordSource> movingFiles = new ArrayList<>(records);
        movingFiles.addAll(enums);
        for (Promoter.RecordSource r : movingFiles) {
            Path target = targetDir.resolve(r.file().getFileName());
            if (java.nio.file.Files.exists(target)) {
                problems.add(target + " exists already; the shared module has a type named " + r.recordName() + ": rename one of them first");
                continue;
            }
            // A type of the overlay's package used without an import would not resolve in the shared module.
            for (Path other : overlayFiles) {
                String otherName = other.getFileName().toString().replace(".java", "");
                boolean samePackage = other.getParent().equals(r.file().getParent());
                if (samePackage && !moved.containsKey(otherName) && Pattern.compile("\\b" + Pattern.quote(otherName) + "\\b")
                        .matcher(body(r.content())).find()) {
                    problems.add(r.recordName() + " uses " + otherName + " from the overlay's package " + r.packageName()
                            + "; the shared module cannot depend on the overlay: move " + otherName + " to the shared module first");
                }
            }
            String content = JavaSource.PACKAGE.matcher(r.content()).replaceFirst(Matcher.quoteReplacement("package " + pkg + ";"));
            // Imports of the shared package are now same-package references.
            content = content.replaceAll("(?m)^import\\s+" + Pattern.quote(pkg) + "\\.(\\w+|\\*)\\s*;\\R", "");
            written.add(new PromotionPlan.SourceFile(target, content));
            removed.add(r.file());
        }
        for (Path file : overlay.allJavaFiles()) {
            if (removed.contains(file)) {
                continue;
            }
            String content = Promoter.read(file);
            String rewritten = rewriteImports(content, JavaSource.packageOf(content), moved, pkg);
            if (!rewritten.equals(content)) {
                written.add(new PromotionPlan.SourceFile(file, rewritten));
            }
        }
        return new SourceMoves(written, removed);
    }

    /** Points every reference to a moved type at its new package: rewritten explicit imports, added ones where none was needed before. */
    static String rewriteImports(String content, String filePackage, Map<String, String> moved, String pkg) {
        String out = content;
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, String> type : moved.entrySet()) {
            String simple = type.getKey();
            String oldPackage = type.getValue();
            Pattern explicit = Pattern.compile("(?m)^import\\s+" + Pattern.quote(oldPackage + "." + simple) + "\\s*;");
            Matcher m = explicit.matcher(out);
            if (m.find()) {
                out = m.replaceAll(Matcher.quoteReplacement("import " + pkg + "." + simple + ";"));
                continue;
            }
            boolean wildcard = Pattern.compile("(?m)^import\\s+" + Pattern.quote(oldPackage) + "\\.\\*\\s*;").matcher(out).find();
            boolean visibleBefore = filePackage.equals(oldPackage) || wildcard;
            if (visibleBefore && !filePackage.equals(pkg) && Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(body(out)).find()) {
                added.add("import " + pkg + "." + simple + ";");
            }
        }
        if (added.isEmpty()) {
            return out;
        }
        Matcher lastImport = Pattern.compile("(?m)^import\\s+[^;]+;\\R").matcher(out);
        int at = -1;
        while (lastImport.find()) {
            at = lastImport.end();
        }
        String block = String.join("\n", added) + "\n";
        if (at < 0) {
            Matcher p = JavaSource.PACKAGE.matcher(out);
            if (p.find()) {
                int end = out.indexOf('\n', p.end());
                at = end < 0 ? out.length() : end + 1;
                block = "\n" + block;
            } else {
                at = 0;
            }
        }
        return out.substring(0, at) + block + out.substring(at);
    }

    /** The text after the package and import lines, where type names are used. */
    private static String body(String content) {
        return content.replaceAll("(?m)^\\s*(package|import)\\s+[^;]+;", "");
    }
}
