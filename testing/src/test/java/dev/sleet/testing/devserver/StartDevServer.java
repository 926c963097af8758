package dev.sleet.testing.devserver;

import java.nio.file.Path;

/** Starts a dev server and exits at once: run in a child JVM to show the server outlives its starter. */
public final class StartDevServer {
    private StartDevServer() {
    }

    public static void main(String[] args) {
        DevServerStatus status = DevServer.at(Path.of(args[0])).start(0, "sleet");
        System.out.println(status.port());
    }
}
