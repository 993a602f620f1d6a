package com.extensioncallouts.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database for every application start: the embedded default (an H2 file in the application's
 * own directory, nothing to pass) or PostgreSQL, one server for the whole benchmark (embedded, zonky).
 */
final class Databases implements AutoCloseable {

    private final boolean statements;
    private EmbeddedPostgres postgres;
    private int created;

    /** {@code statements}: PostgreSQL keeps statistics per statement ({@link #costliestStatements}). */
    Databases(boolean statements) {
        this.statements = statements;
    }

    /** Command-line arguments that point an application at a new, empty database of this kind. */
    List<String> fresh(String database) throws IOException, SQLException {
        return switch (database) {
            case "h2" -> List.of();
            case "postgres" -> {
                if (postgres == null) {
                    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                    if (statements) {
                        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                                .setServerConfig("pg_stat_statements.track", "all");
                    }
                    postgres = builder.start();
                }
                String name = "bench_" + (++created);
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                    if (statements) { // its view, here in the server's own database, shows every database's statements
                        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    }
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

    /** Whether {@link #costliestStatements} has anything to say: statistics kept, a PostgreSQL server running. */
    boolean tracksStatements() {
        return statements && postgres != null;
    }

    /** Forgets the statistics per statement kept so far (for every database of the server). */
    void resetStatements() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * The {@code limit} statements the server spent most time on since {@link #resetStatements()}, per delivery:
     * calls and milliseconds of execution, then the statement (shortened), and a first line with the totals.
     */
    List<String> costliestStatements(int deliveries, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        double per = Math.max(1, deliveries);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet all = s.executeQuery("SELECT sum(calls), sum(total_exec_time) FROM pg_stat_statements")) {
                all.next();
                lines.add(String.format("statements per delivery %.1f, execution %.3f ms (pg_stat_statements, nested "
                        + "included)", all.getLong(1) / per, all.getDouble(2) / per));
            }
            try (ResultSet top = s.executeQuery("SELECT calls, total_exec_time, query FROM pg_stat_statements "
                    + "ORDER BY total_exec_time DESC LIMIT " + limit)) {
                while (top.next()) {
                    String query = top.getString(3).replaceAll("\\s+", " ");
                    lines.add(String.format("%6.2f x %6.3f ms  %s", top.getLong(1) / per, top.getDouble(2) / per,
                            query.length() > 110 ? query.substring(0, 110) + "..." : query));
                }
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
