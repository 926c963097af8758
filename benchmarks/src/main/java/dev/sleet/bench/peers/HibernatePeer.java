package dev.sleet.bench.peers;

import java.sql.Connection;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Hibernate ORM 7 set up the lean way an informed user would for this work: a
 * {@link StatelessSession} (no persistence context, no dirty checking) on the caller's connection.
 */
public final class HibernatePeer implements AutoCloseable {
    private final StandardServiceRegistry registry;
    private final SessionFactory sessionFactory;

    public HibernatePeer() {
        registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                // Connections come from the benchmark; Hibernate must not open its own at boot.
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting("hibernate.show_sql", "false")
                .build();
        sessionFactory = new MetadataSources(registry)
                .addResource("dev/sleet/bench/peers/item-orm.xml")
                .buildMetadata()
                .buildSessionFactory();
    }

    /** A stateless session on {@code connection}; the caller closes it. */
    public StatelessSession open(Connection connection) {
        return sessionFactory.withStatelessOptions().connection(connection).openStatelessSession();
    }

    @Override
    public void close() {
        sessionFactory.close();
        StandardServiceRegistryBuilder.destroy(registry);
    }
}
