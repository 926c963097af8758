package dev.sleet.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The Testcontainers choice, kept apart so its classes load only when a Docker engine may answer. */
final class TestcontainersEndpoint {
    private TestcontainersEndpoint() {
    }

    static PostgresServer.ServerEndpoint tryStart() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "sleet-testcontainers-stop"));
            return new ServerEndpoints.Simple("testcontainers", container.getHost(), container.getMappedPort(5432),
                    container.getDatabaseName(), container.getUsername(), container.getPassword());
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
