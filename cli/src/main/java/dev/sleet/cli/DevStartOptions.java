package dev.sleet.cli;

import picocli.CommandLine.Option;

/** How {@code dev start} and {@code setup} start the dev server. */
public final class DevStartOptions {
    @Option(names = "--port", paramLabel = "<port>", defaultValue = "0",
            description = "Port on 127.0.0.1. Default: the port of the last start when it is free, else any free port.")
    int port;

    @Option(names = "--database", paramLabel = "<name>",
            description = "Database to create if missing and name in DATABASE_URL. Default: the last one used, at first 'sleet'.")
    String database;
}
