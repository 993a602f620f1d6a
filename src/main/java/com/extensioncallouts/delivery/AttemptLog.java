package com.extensioncallouts.delivery;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every attempt. Written in a transaction of its own: an attempt went out even when the
 * engine's job transaction rolls back afterwards (a retry from Cockpit that fails again, for one).
 */
@Component
public class AttemptLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    AttemptLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void record(AttemptRecord a) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                INSERT INTO callout_attempt (process_instance_id, callout_id, callout_name, ticket_number,
                    idempotency_key, attempt, sent_at, duration_ms, status, error, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.processInstanceId(), a.calloutId(), a.calloutName(), truncate(a.ticketNumber(), 255),
                a.idempotencyKey(), a.attempt(), Timestamp.from(a.sentAt()), a.durationMs(), a.status(),
                truncate(a.error(), 1000), a.outcome().name()));
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

    /** The highest attempt number recorded for a process instance, 0 if none. */
    int lastAttemptNumber(String processInstanceId) {
        Integer last = jdbc.queryForObject(
                "SELECT MAX(attempt) FROM callout_attempt WHERE process_instance_id = ?", Integer.class,
                processInstanceId);
        return last == null ? 0 : last;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
