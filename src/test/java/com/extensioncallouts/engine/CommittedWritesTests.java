package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.support.Await;

/**
 * What a ticket event's {@code 202} waits for on the embedded H2 file: its commit written to the file, in a
 * write it shares with the callers of the same few milliseconds.
 */
class CommittedWritesTests {

    @TempDir Path dir;

    private JdbcDataSource dataSource;
    /** Held open for the whole test: the database lives as long as one connection does. */
    private Connection keepOpen;
    private final List<CommittedWrites> toClose = new ArrayList<>();
    /** Ticket events' threads, by a name of their own: {@link #waiting} looks for them. */
    private final ExecutorService callers = Executors.newCachedThreadPool(
            r -> new Thread(r, CALLER + "-" + r.hashCode()));
    private static final String CALLER = "committed-writes-test-caller";

    @BeforeEach
    void openDatabase() throws SQLException {
        dataSource = new JdbcDataSource();
        // H2's own background write every 100 s: every write seen here is one of CommittedWrites
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=100000");
        dataSource.setUser("sa");
        keepOpen = dataSource.getConnection();
        try (Statement statement = keepOpen.createStatement()) {
            statement.execute("CREATE TABLE event (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void closeDatabase() throws Exception {
        callers.shutdownNow();
        for (CommittedWrites writes : toClose) {
            writes.close();
        }
        keepOpen.close();
    }

    @Test
    @Timeout(10)
    void anEventAloneIsWrittenAtOnceAndNothingCommittedBeforeIsLeftUnwritten() throws Exception {
        CommittedWrites writes = committedWrites(dataSource, Duration.ofSeconds(1));
        commitEvent(1);
        long before = store().getCurrentVersion();

        writes.await(); // the last write is older than the interval (there was none): no waiting for others

        assertThat(store().getCurrentVersion() - before).as("writes").isEqualTo(1);
        assertThat(store().hasUnsavedChanges()).isFalse();
    }

    @Test
    @Timeout(10)
    void eventsOfTheSameIntervalShareAWrite() throws Exception {
        CommittedWrites writes = committedWrites(dataSource, Duration.ofMillis(400));
        commitEvent(0);
        writes.await(); // a write just now: the next one waits for the rest of the interval
        long before = store().getCurrentVersion();

        // one event every 20 ms, all within the interval: written as soon as each arrived, they would be 8 writes
        int events = 8;
        List<Future<?>> answered = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            answered.add(commitAndAwait(writes, i));
            Thread.sleep(20);
        }
        for (Future<?> each : answered) {
            each.get();
        }

        assertThat(store().getCurrentVersion() - before).as("writes for %d events", events).isBetween(1L, 2L);
        assertThat(store().hasUnsavedChanges()).as("every event committed before its await() is written").isFalse();
    }

    @Test
    @Timeout(10)
    void anEventCommittedWhileAWriteIsUnderWayWaitsForTheNextWrite() throws Exception {
        HeldWrites held = new HeldWrites(dataSource);
        CommittedWrites writes = committedWrites(held, Duration.ofMillis(300));
        held.holdNext();
        Future<?> first = commitAndAwait(writes, 1);
        assertThat(held.began.await(5, TimeUnit.SECONDS)).as("the first write began").isTrue();

        Future<?> second = commitAndAwait(writes, 2); // committed after that write began
        Await.until("both events wait", Duration.ofSeconds(5), () -> waiting() == 2);
        held.release();

        first.get(5, TimeUnit.SECONDS);
        assertThat(second.isDone()).as("not released by a write that began before its commit").isFalse();
        second.get(5, TimeUnit.SECONDS);
        assertThat(store().hasUnsavedChanges()).isFalse();
    }

    @Test
    @Timeout(10)
    void aFailedWriteReachesEveryoneWaitingForItAndTheNextWriteWorks() throws Exception {
        HeldWrites failing = new HeldWrites(dataSource);
        CommittedWrites writes = committedWrites(failing, Duration.ZERO);
        failing.failNext();
        commitEvent(1);

        assertThatThrownBy(writes::await).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Could not write the committed data to the H2 file");

        writes.await();
        assertThat(store().hasUnsavedChanges()).as("written by the next write").isFalse();
    }

    @Test
    @Timeout(10)
    void closingWritesForWhoeverStillWaitsAndLaterCallersWriteForThemselves() throws Exception {
        CommittedWrites writes = committedWrites(dataSource, Duration.ofSeconds(1));
        commitEvent(0);
        writes.await(); // a write just now: the next one would wait for the rest of the second
        Future<?> waiting = commitAndAwait(writes, 1);
        Await.until("the event waits for its write", Duration.ofSeconds(5), () -> waiting() == 1);

        writes.close();

        waiting.get(500, TimeUnit.MILLISECONDS); // well before the interval would have ended
        assertThat(writes.writing()).as("the writer stopped").isFalse();
        assertThat(store().hasUnsavedChanges()).as("what it waited for is written").isFalse();
        commitEvent(2);
        writes.await();
        assertThat(store().hasUnsavedChanges()).as("an event answered while shutting down is written too").isFalse();
    }

    @Test
    void offTheH2FileNothingIsWrittenAndNoThreadWaits() throws Exception {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:committed-writes");
        CommittedWrites writes = committedWrites(memory, Duration.ofSeconds(1));

        writes.await();

        assertThat(writes.writing()).isFalse();
    }

    private CommittedWrites committedWrites(DataSource source, Duration h2WriteInterval) throws SQLException {
        CommittedWrites writes = new CommittedWrites(source, new CalloutsProperties(null, null, null, null,
                new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), h2WriteInterval, 16), 25,
                Duration.ofDays(30), java.net.URI.create("http://localhost:8080")));
        toClose.add(writes);
        return writes;
    }

    private Future<?> commitAndAwait(CommittedWrites writes, int id) {
        return callers.submit(() -> {
            commitEvent(id);
            writes.await();
            return null;
        });
    }

    /** How many of this test's callers are parked on a write. */
    private static long waiting() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith(CALLER) && e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> List.of(e.getValue()).stream()
                        .anyMatch(frame -> frame.getClassName().equals(CompletableFuture.class.getName())))
                .count();
    }

    private void commitEvent(int id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO event VALUES (" + id + ")"); // auto-commit
        }
    }

    private MVStore store() throws SQLException {
        return ((SessionLocal) keepOpen.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                .getMvStore();
    }

    /** The H2 database, with the writer's next write held at its start, or failing. */
    private static final class HeldWrites extends DelegatingDataSource {

        final CountDownLatch began = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicBoolean hold = new AtomicBoolean();
        private final AtomicBoolean fail = new AtomicBoolean();

        HeldWrites(DataSource h2) {
            super(h2);
        }

        void holdNext() {
            hold.set(true);
        }

        void release() {
            released.countDown();
        }

        void failNext() {
            fail.set(true);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (Thread.currentThread().getName().equals(CommittedWrites.WRITER_NAME)) {
                if (fail.getAndSet(false)) {
                    throw new SQLException("disk full (a test's)");
                }
                if (hold.getAndSet(false)) {
                    began.countDown();
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            return super.getConnection();
        }
    }
}
