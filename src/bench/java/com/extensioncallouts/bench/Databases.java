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
    /** The kind of the database handed out last: the one the application under measurement uses. */
    private String current;

    /** {@code statements}: PostgreSQL keeps statistics per statement ({@link #costliestStatements}). */
    Databases(boolean statements) {
        this.statements = statements;
    }

    /** Command-line arguments that point an application at a new, empty database of this kind. */
    List<String> fresh(String database) throws IOException, SQLException {
        current = database;
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
                    if (statements) { // its view, in the server's own database, shows every database's statements
                        try (Connection c = postgres.getPostgresDatabase().getConnection();
                                Statement s = c.createStatement()) {
                            s.execute("CREATE EXTENSION pg_stat_statements");
                        }
                    }
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
        if (!onPostgres()) {
            return java.time.Duration.ZERO;
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                .reduce(java.time.Duration.ZERO, java.time.Duration::plus);
    }

    /** Whether {@link #costliestStatements} has anything to say: statistics kept, the application on PostgreSQL. */
    boolean tracksStatements() {
        return statements && onPostgres();
    }

    /** Whether the application under measurement uses the PostgreSQL server (not H2 beside an idle server). */
    private boolean onPostgres() {
        return postgres != null && "postgres".equals(current);
    }

    /** Forgets the statistics per statement kept so far (for every database of the server). */
    void resetStatements() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * What the server executed since {@link #resetStatements()}, per delivery: a line of totals, then the
     * {@code limit} statements it spent most time on (calls, milliseconds, the statement shortened). A statement the
     * application sent is "top-level"; a "nested" one ran inside another (a foreign-key check inside the insert or
     * delete that triggered it), and its time is part of that statement's too, so the totals count top-level time
     * only. Times are elapsed (waits for locks and for a core included), not CPU; planning is not counted.
     */
    List<String> costliestStatements(int deliveries, int limit) throws SQLException {
        if (deliveries == 0) {
            return List.of("no deliveries: no statistics per delivery");
        }
        List<String> lines = new ArrayList<>();
        double per = deliveries;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet all = s.executeQuery("SELECT sum(calls) FILTER (WHERE toplevel), "
                    + "sum(calls) FILTER (WHERE NOT toplevel), sum(total_exec_time) FILTER (WHERE toplevel) "
                    + "FROM pg_stat_statements")) {
                all.next();
                lines.add(String.format("per delivery: %.1f statements sent (transaction control included), %.1f "
                        + "nested; %.3f ms executing those sent (elapsed, nested included)",
                        all.getLong(1) / per, all.getLong(2) / per, all.getDouble(3) / per));
            }
            try (ResultSet top = s.executeQuery("SELECT calls, total_exec_time, toplevel, query FROM pg_stat_statements "
                    + "ORDER BY total_exec_time DESC LIMIT " + limit)) {
                while (top.next()) {
                    String query = top.getString(4).replaceAll("\\s+", " ");
                    String shortened = query.length() > 110 ? query.substring(0, 110) + "..." : query;
                    lines.add(String.format("%6.2f x %6.3f ms %s %s", top.getLong(1) / per, top.getDouble(2) / per,
                            top.getBoolean(3) ? "sent  " : "nested", shortened));
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
