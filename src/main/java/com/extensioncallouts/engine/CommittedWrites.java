package com.extensioncallouts.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;

/**
 * Makes what this node has committed so far survive the process being killed, before the caller answers that
 * it accepted something (a ticket event's {@code 202}).
 *
 * <p>PostgreSQL has written a commit to its log before the commit returns: nothing to do. The embedded H2 file
 * keeps the last commits in memory and writes them together every half second ({@code WRITE_DELAY}); a
 * {@code kill -9} in between would lose a ticket event that was already answered {@code 202}. Writing every
 * commit at once ({@code WRITE_DELAY=0}) costs a B-tree chunk per commit, several per delivery, which cut the
 * embedded default's throughput by more than half in the benchmark. Here only those who answer for something
 * wait, and they share the writes: one write of H2's store writes the commits of every caller that was waiting
 * when it began (a group commit). A job's commits stay in H2's half second: if the process dies first, the job
 * runs again after the restart, and an attempt it sends again carries the same idempotency key and attempt
 * number.
 *
 * <p>Writes are at least {@code callouts.ticket-events.h2-write-interval} (10 ms) apart, so that the callers of
 * those milliseconds share one. Each write stores every B-tree page changed since the last one as a new chunk
 * of the file; one write as soon as the previous one ended made about one chunk per ticket event under load,
 * and H2's writing thread alone spent 2.7 ms of CPU per delivery at 163 deliveries/s (1.4 to 1.9 ms with
 * writes 10 ms apart; quick benchmark runs in the same hour: 168 deliveries/s before, 188 and 311/s after). An
 * event alone waits for no one: its write starts at once when the last one is older than the interval.
 */
@Component
public class CommittedWrites {

    private final DataSource dataSource;
    private final boolean buffered;
    private final long intervalNanos;
    private final Object flushing = new Object();
    private long requested;
    private volatile long written;
    /** When the last write ended ({@link System#nanoTime()}); guarded by {@link #flushing}. */
    private long lastWrite;

    CommittedWrites(DataSource dataSource, CalloutsProperties properties) throws SQLException {
        this.dataSource = dataSource;
        this.intervalNanos = properties.ticketEvents().h2WriteInterval().toNanos();
        this.lastWrite = System.nanoTime() - intervalNanos;
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            this.buffered = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        }
    }

    /** Returns once everything this node committed before the call is on disk (at once off H2). */
    public void await() {
        if (!buffered) {
            return;
        }
        long mine;
        synchronized (this) {
            mine = ++requested;
        }
        synchronized (flushing) {
            if (written >= mine) {
                return; // a write that began after this call wrote it
            }
            waitForInterval(); // the callers of this time queue behind this one and share its write
            long upTo;
            synchronized (this) {
                upTo = requested;
            }
            writePending();
            written = upTo;
            lastWrite = System.nanoTime();
        }
    }

    /** Until the last write is {@code h2-write-interval} old; an interrupt only makes the write come sooner. */
    private void waitForInterval() {
        long early;
        while ((early = lastWrite + intervalNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(early);
        }
    }

    /**
     * Writes H2's pending commits to its file: what its background writer does every half second, now. Not
     * the SQL {@code CHECKPOINT}: that also compacts the file (up to 4 MB of live pages moved out of sparse
     * chunks on every call), and with a checkpoint per ticket event that compaction was most of H2's work.
     * The write reaches the operating system, which keeps it through a killed process.
     */
    private void writePending() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && session.getDatabase().getStore() != null) {
                session.getDatabase().getStore().getMvStore().commit();
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT"); // a server (TCP) connection: let H2 write it
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the committed data to the H2 file", e);
        }
    }
}
