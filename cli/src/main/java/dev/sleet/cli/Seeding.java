package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the application's {@link Seeder}s and runs them. */
final class Seeding {
    private Seeding() {
    }

    /** A seeder that ran, and how long it took. */
    record Ran(String seeder, long millis) {
    }

    /**
     * The seeders to run: the class named by {@code seederClass}, else every seeder registered with
     * {@link ServiceLoader}, in class-name order so that runs are repeatable.
     */
    static List<Seeder> find(ClassLoader loader, String seederClass) {
        if (seederClass != null) {
            return List.of(instantiate(loader, seederClass));
        }
        List<Seeder> found = new ArrayList<>();
        try {
            ServiceLoader.load(Seeder.class, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw CliException.usage("a seeder listed in META-INF/services/" + Seeder.class.getName()
                    + " cannot be loaded: " + e.getMessage());
        }
        found.sort(Comparator.comparing(s -> s.getClass().getName()));
        return found;
    }

    static List<Ran> run(CommandContext context, List<Seeder> seeders) {
        List<Ran> ran = new ArrayList<>();
        for (Seeder seeder : seeders) {
            String name = seeder.getClass().getName();
            long start = System.nanoTime();
            try {
                seeder.seed(context.dataSource());
            } catch (CliException e) {
                throw e;
            } catch (LinkageError e) {
                // The seeder's own classes were found, but not the libraries they use.
                throw CliException.usage("seeder " + name + " needs a class that is not on the class path (" + e.getMessage()
                        + "); pass the application's dependencies too: mvn dependency:build-classpath"
                        + " -Dmdep.outputFile=target/cp.txt, then --classpath \"target/classes:$(cat target/cp.txt)\"");
            } catch (Exception e) {
                throw new CliException(ExitCodes.FAILED, "seeder " + name + " failed: " + e
                        + (ran.isEmpty() ? "" : " (after " + ran.size() + " seeder(s) had run)"), e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            context.output().progress("seeded with " + name + " (" + millis + " ms)");
            ran.add(new Ran(name, millis));
        }
        return ran;
    }

    private static Seeder instantiate(ClassLoader loader, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw CliException.usage("seeder class " + className + " not found; check the name and add the application's "
                    + "classes with --classpath (e.g. --classpath target/classes)");
        }
        if (!Seeder.class.isAssignableFrom(type)) {
            throw CliException.usage("seeder class " + className + " does not implement " + Seeder.class.getName());
        }
        try {
            return (Seeder) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw CliException.usage("seeder class " + className + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw CliException.failed("seeder class " + className + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw CliException.usage("seeder class " + className + " cannot be created: " + e
                    + "; make the class and its no-argument constructor public");
        }
    }
}
