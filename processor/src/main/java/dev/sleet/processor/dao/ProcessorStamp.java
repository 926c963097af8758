package dev.sleet.processor.dao;

import dev.sleet.schema.types.JavaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which processor generated the DAOs: its version (when the jar says one) and a hash of the code that
 * decides what a DAO looks like, the processor's own classes and the type catalogue of {@code schema}.
 * A snapshot build of the processor changes the hash with every change of that code, without a
 * version bump. Written to the class output next to the table index ({@code META-INF/sleet/processor.txt}),
 * so a later partial compilation can tell that the DAOs it did not regenerate came from another processor.
 */
public final class ProcessorStamp {
    private static volatile String current;

    private ProcessorStamp() {
    }

    /** e.g. {@code sleet-processor 0.1.0-SNAPSHOT sha256:4f0c…} (computed once per class loader). */
    public static String current() {
        String stamp = current;
        if (stamp == null) {
            String version = ProcessorStamp.class.getPackage().getImplementationVersion();
            stamp = "sleet-processor " + (version == null ? "unversioned" : version) + " sha256:" + hash();
            current = stamp;
        }
        return stamp;
    }

    private static String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : List.of(ProcessorStamp.class, JavaTypes.class)) {
                CodeSource source = type.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) {
                    digest.update(type.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                Path location = Path.of(source.getLocation().toURI());
                if (Files.isDirectory(location)) {
                    hashClasses(digest, location);
                } else {
                    try (InputStream in = Files.newInputStream(location)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            // Unknown code: a stamp that matches no earlier one, so a partial build is told to rebuild rather than trusted.
            return "unknown-" + System.identityHashCode(ProcessorStamp.class);
        }
    }

    /** Class files of an exploded class directory (the processor's own module in this repository's tests), in a stable order. */
    private static void hashClasses(MessageDigest digest, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
    }
}
