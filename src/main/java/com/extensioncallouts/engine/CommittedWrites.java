package com.extensioncallouts.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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
 * <p>Writes are at least {@code callouts.ticket-events.h2-write-interval} (50 ms by default) apart, so that
 * the callers of those milliseconds share one. Each write stores every B-tree page changed since the last one
 * as a new chunk of the file, and the pages a write shares cost it once: H2's writing threads spent 2.7 ms of
 * CPU per delivery with one write as soon as the previous one ended, 1.2 to 1.35 ms with writes 10 ms apart
 * and 0.45 ms with 50 ms (quick benchmark runs, the step at 163 deliveries/s). An event alone waits for no
 * one: its write starts at once when the last one is older than the interval; under load a {@code 202} waits
 * at most for the write under way, the interval and its own write.
 *
 * <p>One thread writes. A caller takes the write that begins next and parks until it has ended; a write
 * releases all of its callers at once. They used to take turns on a lock to learn whether their write was
 * done: with the CPU saturated every turn waited to be scheduled, and in the benchmark's step at 220 events/s
 * the callers waited 1.4 s on average for that lock while the writes themselves took about 20 ms (Java Flight
 * Recorder).
 */
@Component
public class CommittedWrites implements AutoCloseable {

    static final String WRITER_NAME = "h2-committed-writes";
    private static final String WRITE_FAILED = "Could not write the committed data to the H2 file";

    private final DataSource dataSource;
    private final boolean buffered;
    private final long intervalNanos;
    /** Writes while this node runs (on H2 only); after {@link #close()} callers write for themselves. */
    private final Thread writer;
    private final Object lock = new Object();
    /**
     * Done when the next write to begin has ended: whoever takes it has committed before that write begins.
     * Replaced as a write begins; guarded by {@link #lock}.
     */
    private CompletableFuture<Void> nextWrite = new CompletableFuture<>();
    /** Whether someone waits for {@link #nextWrite}; guarded by {@link #lock}. */
    private boolean wanted;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** When the last write ended ({@link System#nanoTime()}); the writer's own. */
    private long lastWrite;

    CommittedWrites(DataSource dataSource, CalloutsProperties properties) throws SQLException {
        this.dataSource = dataSource;
        this.intervalNanos = properties.ticketEvents().h2WriteInterval().toNanos();
        this.lastWrite = System.nanoTime() - intervalNanos;
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            this.buffered = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        }
        if (buffered) {
            writer = new Thread(this::writeWhileWanted, WRITER_NAME);
            writer.setDaemon(true);
            writer.start();
        } else {
            writer = null;
        }
    }

    /** Returns once everything this node committed before the call is on disk (at once off H2). */
    public void await() {
        if (!buffered) {
            return;
        }
        CompletableFuture<Void> mine = null;
        synchronized (lock) {
            if (!closed) {
                mine = nextWrite;
                if (!wanted) {
                    wanted = true;
                    lock.notifyAll();
                }
            }
        }
        if (mine == null) {
            writePending(); // shutting down: no writer left to share with
            return;
        }
        try {
            mine.join(); // uninterruptible: an answer must not claim more than the file holds
        } catch (CompletionException e) {
            throw new IllegalStateException(WRITE_FAILED, e.getCause()); // this caller's own, with its stack
        }
    }

    /** Whether a thread of its own writes (on the H2 file, until closed). */
    boolean writing() {
        return writer != null && writer.isAlive();
    }

    /**
     * The writer: waits until someone wants a write, then for the interval since the last one (the callers of
     * that time join the same write), then writes and releases all of them at once. Whatever ends it, nobody is
     * left waiting: the write wanted then fails, and later callers write for themselves.
     */
    private void writeWhileWanted() {
        try {
            while (awaitWanted()) {
                waitForInterval();
                CompletableFuture<Void> batch;
                synchronized (lock) {
                    batch = nextWrite;
                    nextWrite = new CompletableFuture<>();
                    wanted = false;
                }
                try {
                    writePending();
                    batch.complete(null);
                } catch (RuntimeException | Error e) {
                    batch.completeExceptionally(e); // each caller gets it; an Error also ends the writer
                    if (e instanceof Error error) {
                        throw error;
                    }
                }
                lastWrite = System.nanoTime();
            }
        } finally {
            synchronized (lock) {
                closed = true;
                nextWrite.completeExceptionally(new IllegalStateException("The H2 writer stopped"));
            }
        }
    }

    /** Whether someone wants a write; false once closed with nobody waiting. */
    private boolean awaitWanted() {
        synchronized (lock) {
            while (!wanted && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    closed = true; // nothing interrupts this thread; if something does, take it as close()
                }
            }
            return wanted;
        }
    }

    /** Until the last write is {@code h2-write-interval} old, or closing. */
    private void waitForInterval() {
        long early;
        while ((early = lastWrite + intervalNanos - System.nanoTime()) > 0 && !isClosing()) {
            LockSupport.parkNanos(early);
        }
    }

    private boolean isClosing() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Writes for whoever still waits, then stops the writer; later callers write for themselves. */
    @Override
    public void close() throws InterruptedException {
        if (writer == null) {
            return;
        }
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        LockSupport.unpark(writer);
        writer.join(TimeUnit.SECONDS.toMillis(10));
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
            throw new IllegalStateException(WRITE_FAILED, e);
        }
    }
}
