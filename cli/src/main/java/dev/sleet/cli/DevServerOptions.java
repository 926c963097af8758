package dev.sleet.cli;

import dev.sleet.testing.devserver.DevServer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the dev server keeps its cluster: {@code --data-dir}, by default {@code .sleet/postgres} under the working directory. */
public final class DevServerOptions {
    @Option(names = "--data-dir", paramLabel = "<folder>", defaultValue = ".sleet/postgres",
            description = "The dev server's data folder (default: ${DEFAULT-VALUE}, relative to the working directory).")
    Path dataDir;

    DevServer server() {
        return DevServer.at(dataDir);
    }
}
