package com.extensioncallouts.delivery;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every attempt (table {@code callout_attempt}), written in the caller's transaction:
 * {@link AttemptRecorder} chooses which.
 */
@Component
public class AttemptLog {

    private final JdbcTemplate jdbc;

    AttemptLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(AttemptRecord a) {
        jdbc.update("""
                INSERT INTO callout_attempt (process_instance_id, callout_id, callout_name, ticket_number,
                    idempotency_key, attempt, sent_at, duration_ms, status, error, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.processInstanceId(), a.calloutId(), a.calloutName(), Deliveries.truncate(a.ticketNumber(), 255),
                a.idempotencyKey(), a.attempt(), Timestamp.from(a.sentAt()), a.durationMs(), a.status(),
                Deliveries.truncate(a.error(), 1000), a.outcome().name());
    }

    /** The attempts of one extension-callout process instance, in the order they were sent. */
    public List<AttemptRecord> attemptsOf(String processInstanceId) {
        return jdbc.query("""
                SELECT * FROM callout_attempt WHERE process_instance_id = ? ORDER BY attempt, id""",
                (rs, row) -> new AttemptRecord(rs.getString("process_instance_id"),
                        (Long) rs.getObject("callout_id", Long.class), rs.getString("callout_name"),
                        rs.getString("ticket_number"), rs.getString("idempotency_key"), rs.getInt("attempt"),
                        rs.getTimestamp("sent_at").toInstant(), rs.getLong("duration_ms"),
                        (Integer) rs.getObject("status", Integer.class), rs.getString("error"),
                        AttemptRecord.Outcome.valueOf(rs.getString("outcome"))),
                processInstanceId);
    }

}
