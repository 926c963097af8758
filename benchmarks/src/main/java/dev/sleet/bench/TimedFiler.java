package dev.sleet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
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

    /**
     * {@code env} with {@code filer} in place of its own; every other call goes to {@code env} (a proxy, so
     * that the wrapper follows the interface of whichever JDK runs the benchmark).
     */
    static ProcessingEnvironment wrap(ProcessingEnvironment env, TimedFiler filer) {
        return (ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getFiler")) {
                        return filer;
                    }
                    try {
                        return method.invoke(env, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A filer or stream call, timed by {@link #time}. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    /** A filer or stream call without a result. */
    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    /** Runs {@code call}, adding its time to {@link #nanos}. */
    private <T> T time(Call<T> call) throws IOException {
        long t0 = System.nanoTime();
        try {
            return call.run();
        } finally {
            nanos += System.nanoTime() - t0;
        }
    }

    private void time(Action action) throws IOException {
        time(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
        sourceFiles++;
        return new TimedJavaFile(time(() -> delegate.createSourceFile(name, originatingElements)));
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
        return delegate.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName,
                                     Element... originatingElements) throws IOException {
        return new TimedFile(time(() -> delegate.createResource(location, moduleAndPkg, relativeName, originatingElements)));
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName) throws IOException {
        return time(() -> delegate.getResource(location, moduleAndPkg, relativeName));
    }

    private Writer timed(Writer w) {
        return new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                time(() -> w.write(buf, off, len));
                chars += len;
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                time(() -> w.write(s, off, len));
                chars += len;
            }

            @Override
            public void flush() throws IOException {
                time(w::flush);
            }

            @Override
            public void close() throws IOException {
                time(w::close);
            }
        };
    }

    private OutputStream timed(OutputStream o) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                time(() -> o.write(b));
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                time(() -> o.write(b, off, len));
            }

            @Override
            public void close() throws IOException {
                time(o::close);
            }
        };
    }

    private final class TimedJavaFile extends ForwardingJavaFileObject<JavaFileObject> {
        TimedJavaFile(JavaFileObject file) {
            super(file);
        }

        @Override
        public Writer openWriter() throws IOException {
            return timed(time(super::openWriter));
        }

        @Override
        public OutputStream openOutputStream() throws IOException {
            return timed(time(super::openOutputStream));
        }
    }

    private final class TimedFile extends ForwardingFileObject<FileObject> {
        TimedFile(FileObject file) {
            super(file);
        }

        @Override
        public Writer openWriter() throws IOException {
            return timed(time(super::openWriter));
        }

        @Override
        public OutputStream openOutputStream() throws IOException {
            return timed(time(super::openOutputStream));
        }
    }
}
