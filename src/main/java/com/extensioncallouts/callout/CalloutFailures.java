package com.extensioncallouts.callout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;

/**
 * How many deliveries of a callout failed for good in a row (columns of {@code callout}, counted in the
 * database so that every node of a cluster counts into the same figure). A delivered one resets the count;
 * so that not every delivery costs an update, this node remembers for {@code callouts.cache.callouts}
 * whether a callout's count is zero.
 */
@Component
public class CalloutFailures {

    /** The count after a failure, and since when the callout has been failing. */
    public record Streak(int failures, Instant since) {
    }

    private record Known(boolean failing, long readAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final long ttlNanos;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();

    CalloutFailures(JdbcTemplate jdbc, CalloutsProperties properties) {
        this.jdbc = jdbc;
        this.ttlNanos = properties.cache().callouts().toNanos();
    }

    /** One more delivery failed for good. */
    public Streak failedForGood(long calloutId, Instant now) {
        jdbc.update("""
                UPDATE callout SET consecutive_failures = consecutive_failures + 1,
                    failing_since = COALESCE(failing_since, ?) WHERE id = ?""", Timestamp.from(now), calloutId);
        known.put(calloutId, new Known(true, System.nanoTime()));
        return jdbc.query("SELECT consecutive_failures, failing_since FROM callout WHERE id = ?",
                (rs, row) -> new Streak(rs.getInt(1), rs.getTimestamp(2).toInstant()), calloutId)
                .stream().findFirst().orElse(new Streak(0, now));
    }

    /** A delivery got through: the streak, if any, is over. */
    public void delivered(long calloutId) {
        Known k = known.get(calloutId);
        if (k == null || System.nanoTime() - k.readAtNanos() >= ttlNanos) {
            Integer count = jdbc.query("SELECT consecutive_failures FROM callout WHERE id = ?",
                    (rs, row) -> rs.getInt(1), calloutId).stream().findFirst().orElse(0);
            k = new Known(count > 0, System.nanoTime());
            known.put(calloutId, k);
        }
        if (k.failing()) {
            jdbc.update("UPDATE callout SET consecutive_failures = 0, failing_since = NULL WHERE id = ?", calloutId);
            known.put(calloutId, new Known(false, System.nanoTime()));
        }
    }

    /** The current streak of a callout, if it has one. */
    public Optional<Streak> streak(long calloutId) {
        return jdbc.query("SELECT consecutive_failures, failing_since FROM callout WHERE id = ? AND consecutive_failures > 0",
                (rs, row) -> new Streak(rs.getInt(1), rs.getTimestamp(2).toInstant()), calloutId).stream().findFirst();
    }

    /** Starts counting afresh (an administrator activated the callout again). */
    void reset(long calloutId) {
        jdbc.update("UPDATE callout SET consecutive_failures = 0, failing_since = NULL WHERE id = ?", calloutId);
        known.remove(calloutId);
    }
}
