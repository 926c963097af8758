package dev.sleet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.ForwardingJavaFileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * A processing environment whose {@link Filer} adds up the time a processor spends in it: creating
 * files and writing through their writers and streams (what JavaPoet's {@code writeTo(filer)} costs
 * besides building the text), plus the number of characters written.
 */
final class TimedFiler implements Filer {
    private final Filer delegate;
    long nanos;
    long sourceFiles;
    long chars;

    TimedFiler(Filer delegate) {
        this.delegate = delegate;
    }

    static ProcessingEnvironment wrap(ProcessingEnvironment env, TimedFiler filer) {
        return new ProcessingEnvironment() {
            @Override
            public Map<String, String> getOptions() {
                return env.getOptions();
            }

            @Override
            public Messager getMessager() {
                return env.getMessager();
            }

            @Override
            public Filer getFiler() {
                return filer;
            }

            @Override
            public Elements getElementUtils() {
                return env.getElementUtils();
            }

            @Override
            public Types getTypeUtils() {
                return env.getTypeUtils();
            }

            @Override
            public SourceVersion getSourceVersion() {
                return env.getSourceVersion();
            }

            @Override
            public Locale getLocale() {
                return env.getLocale();
            }

            @Override
            public boolean isPreviewEnabled() {
                return env.isPreviewEnabled();
            }
        };
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
        long t0 = System.nanoTime();
        try {
            sourceFiles++;
            return new TimedJavaFile(delegate.createSourceFile(name, originatingElements));
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
        return delegate.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName,
                                     Element... originatingElements) throws IOException {
        long t0 = System.nanoTime();
        try {
            return new TimedFile(delegate.createResource(location, moduleAndPkg, relativeName, originatingElements));
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName) throws IOException {
        long t0 = System.nanoTime();
        try {
            return delegate.getResource(location, moduleAndPkg, relativeName);
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    private Writer timed(Writer w) {
        return new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                long t0 = System.nanoTime();
                w.write(buf, off, len);
                chars += len;
                nanos += System.nanoTime() - t0;
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                long t0 = System.nanoTime();
                w.write(s, off, len);
                chars += len;
                nanos += System.nanoTime() - t0;
            }

            @Override
            public void flush() throws IOException {
                long t0 = System.nanoTime();
                w.flush();
                nanos += System.nanoTime() - t0;
            }

            @Override
            public void close() throws IOException {
                long t0 = System.nanoTime();
                w.close();
                nanos += System.nanoTime() - t0;
            }
        };
    }

    private OutputStream timed(OutputStream o) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                long t0 = System.nanoTime();
                o.write(b);
                nanos += System.nanoTime() - t0;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                long t0 = System.nanoTime();
                o.write(b, off, len);
                nanos += System.nanoTime() - t0;
            }

            @Override
            public void close() throws IOException {
                long t0 = System.nanoTime();
                o.close();
                nanos += System.nanoTime() - t0;
            }
        };
    }

    private final class TimedJavaFile extends ForwardingJavaFileObject<JavaFileObject> {
        TimedJavaFile(JavaFileObject file) {
            super(file);
        }

        @Override
        public Writer openWriter() throws IOException {
            long t0 = System.nanoTime();
            Writer w = super.openWriter();
            nanos += System.nanoTime() - t0;
            return timed(w);
        }

        @Override
        public OutputStream openOutputStream() throws IOException {
            long t0 = System.nanoTime();
            OutputStream o = super.openOutputStream();
            nanos += System.nanoTime() - t0;
            return timed(o);
        }
    }

    private final class TimedFile extends ForwardingFileObject<FileObject> {
        TimedFile(FileObject file) {
            super(file);
        }

        @Override
        public Writer openWriter() throws IOException {
            long t0 = System.nanoTime();
            Writer w = super.openWriter();
            nanos += System.nanoTime() - t0;
            return timed(w);
        }

        @Override
        public OutputStream openOutputStream() throws IOException {
            long t0 = System.nanoTime();
            OutputStream o = super.openOutputStream();
            nanos += System.nanoTime() - t0;
            return timed(o);
        }
    }
}
