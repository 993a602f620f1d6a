package com.extensioncallouts.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database for every application start: the embedded default (an H2 file in the application's
 * own directory, nothing to pass) or PostgreSQL, one server for the whole benchmark (embedded, zonky).
 */
final class Databases implements AutoCloseable {

    private EmbeddedPostgres postgres;
    private int created;

    /** Command-line arguments that point an application at a new, empty database of this kind. */
    List<String> fresh(String database) throws IOException, SQLException {
        return switch (database) {
            case "h2" -> List.of();
            case "postgres" -> {
                if (postgres == null) {
                    postgres = EmbeddedPostgres.builder().start();
                }
                String name = "bench_" + (++created);
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
                yield List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", name),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
            }
            default -> throw new IllegalArgumentException("Unknown database '" + database + "': h2 or postgres");
        };
    }

    /**
     * CPU time used so far by the PostgreSQL server's processes (it shares the machine's cores with the
     * applications); zero for H2, which runs inside the application.
     */
    java.time.Duration serverCpu() {
        if (postgres == null) {
            return java.time.Duration.ZERO;
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
