package dev.sleet.processor.dao;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.schema.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles fixture sources with the test processor, and loads the resulting classes. */
final class DaoCompilation {
    private DaoCompilation() {
    }

    static final List<String> RECORDS = List.of("EventStatus", "Event", "ResourceSchedule", "AllTypes");

    static Compilation compile(Map<String, Table> tables, List<String> extraSources) {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : RECORDS) {
            sources.add(JavaFileObjects.forResource(resource("dao-fixtures/demo/" + name + ".java")));
        }
        for (String name : extraSources) {
            sources.add(JavaFileObjects.forResource(resource("dao-fixtures/demo/" + name + ".java")));
        }
        return javac().withOptions("-Xlint:all", "-Xlint:-processing", "-Xlint:-classfile")
                .withProcessors(new DaoTestProcessor(tables)).compile(sources);
    }

    private static URL resource(String path) {
        URL url = DaoCompilation.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return url;
    }

    /** A class loader over the compilation's class files, delegating everything else to the test class path. */
    static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String name = path.substring(path.indexOf("/demo/") + 1, path.length() - ".class".length()).replace('/', '.');
            try (InputStream in = file.openInputStream()) {
                classes.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassLoader(DaoCompilation.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
