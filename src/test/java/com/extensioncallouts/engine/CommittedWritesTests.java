package com.extensioncallouts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
    private CommittedWrites toClose;

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
        if (toClose != null) {
            toClose.close();
        }
        keepOpen.close();
    }

    @Test
    @Timeout(10)
    void anEventAloneIsWrittenAtOnceAndNothingCommittedBeforeIsLeftUnwritten() throws Exception {
        try (CommittedWrites writes = new CommittedWrites(dataSource, interval(Duration.ofSeconds(1)))) {
            commitEvent(1);
            long before = store().getCurrentVersion();

            writes.await(); // the last write is older than the interval (there was none): no waiting for others

            assertThat(store().getCurrentVersion() - before).as("writes").isEqualTo(1);
            assertThat(store().hasUnsavedChanges()).isFalse();
        }
    }

    @Test
    @Timeout(10)
    void eventsOfTheSameIntervalShareAWrite() throws Exception {
        CommittedWrites writes = closeAfterTest(new CommittedWrites(dataSource, interval(Duration.ofMillis(400))));
        commitEvent(0);
        writes.await(); // a write just now: the next one waits for the rest of the interval
        long before = store().getCurrentVersion();

        // one event every 20 ms, all within the interval: written as soon as each arrived, they would be 8 writes
        int events = 8;
        ExecutorService threads = Executors.newFixedThreadPool(events);
        try {
            List<Future<?>> answered = new ArrayList<>();
            for (int i = 1; i <= events; i++) {
                int id = i;
                answered.add(threads.submit(() -> {
                    commitEvent(id);
                    writes.await();
                    return null;
                }));
                Thread.sleep(20);
            }
            for (Future<?> each : answered) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store().getCurrentVersion() - before).as("writes for %d events", events).isBetween(1L, 2L);
        assertThat(store().hasUnsavedChanges()).as("every event committed before its await() is written").isFalse();
    }

    @Test
    @Timeout(10)
    void closingWritesForWhoeverStillWaitsAndLaterCallersWriteForThemselves() throws Exception {
        CommittedWrites writes = closeAfterTest(new CommittedWrites(dataSource, interval(Duration.ofSeconds(1))));
        commitEvent(0);
        writes.await(); // a write just now: the next one would wait for the rest of the second
        commitEvent(1);
        Thread waiter = new Thread(writes::await);
        waiter.start();
        Await.until("the event waits for its write", Duration.ofSeconds(5),
                () -> waiter.getState() == Thread.State.WAITING);

        writes.close();

        waiter.join(Duration.ofSeconds(5).toMillis());
        assertThat(waiter.isAlive()).as("released by the last write").isFalse();
        assertThat(store().hasUnsavedChanges()).as("what it waited for is written").isFalse();

        commitEvent(2);
        writes.await();
        assertThat(store().hasUnsavedChanges()).as("an event answered while shutting down is written too").isFalse();
    }

    private CommittedWrites closeAfterTest(CommittedWrites writes) {
        toClose = writes;
        return writes;
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

    private static CalloutsProperties interval(Duration h2WriteInterval) {
        return new CalloutsProperties(null, null, null, null,
                new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), h2WriteInterval), 25,
                Duration.ofDays(30), java.net.URI.create("http://localhost:8080"));
    }
}
