package com.extensioncallouts.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code callout_delivery} table. Every method joins the caller's transaction: the engine's, when a
 * process step calls it, so a delivery is stored exactly when its process instance is.
 */
@Component
public class Deliveries {

    private static final String COLUMNS = """
            id, process_instance_id, rule_process_instance_id, callout_id, callout_name, ticket_id, ticket_number,
            event, ticket, idempotency_key, state, skip_reason, attempts, last_status, last_error, next_attempt_at,
            created_at, finished_at, resend_of""";

    private final JdbcTemplate jdbc;

    Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Delivery d) {
        jdbc.update("""
                INSERT INTO callout_delivery (process_instance_id, rule_process_instance_id, callout_id, callout_name,
                    ticket_id, ticket_number, event, ticket, idempotency_key, state, skip_reason, attempts, last_status,
                    last_error, next_attempt_at, created_at, finished_at, resend_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                d.processInstanceId(), d.ruleProcessInstanceId(), d.calloutId(), truncate(d.calloutName(), 255),
                truncate(d.ticketId(), 255), truncate(d.ticketNumber(), 255), d.event(), d.ticket(),
                d.idempotencyKey(), d.state().name(), truncate(d.skipReason(), 1000), d.attempts(), d.lastStatus(),
                truncate(d.lastError(), 1000), timestamp(d.nextAttemptAt()), timestamp(d.createdAt()),
                timestamp(d.finishedAt()), d.resendOf());
    }

    /** The delivery of one extension-callout process instance. */
    public Optional<Delivery> forInstance(String processInstanceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callout_delivery WHERE process_instance_id = ?",
                Deliveries::map, processInstanceId).stream().findFirst();
    }

    public Optional<Delivery> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callout_delivery WHERE id = ?", Deliveries::map, id)
                .stream().findFirst();
    }

    /** One page of a callout's deliveries, newest first, and how many there are in all. */
    public record Page(List<Delivery> content, int page, int size, long totalElements) {
    }

    /** A callout's deliveries in a state (or any, if null) created in [since, until) (open ends if null). */
    public Page page(long calloutId, DeliveryState state, Instant since, Instant until, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE callout_id = ?");
        List<Object> args = new ArrayList<>(List.of(calloutId));
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state.name());
        }
        if (since != null) {
            where.append(" AND created_at >= ?");
            args.add(timestamp(since));
        }
        if (until != null) {
            where.append(" AND created_at < ?");
            args.add(timestamp(until));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM callout_delivery" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Delivery> content = jdbc.query("SELECT " + COLUMNS + " FROM callout_delivery" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", Deliveries::map, pageArgs.toArray());
        return new Page(content, page, size, total == null ? 0 : total);
    }

    private static final String RECOVERABLE = """
            WHERE callout_id = ? AND created_at >= ? AND created_at < ? AND recovery_id IS NULL
            AND (state = 'FAILED' OR (state = 'SKIPPED' AND skip_reason LIKE 'INACTIVE:%'))""";

    /** How many deliveries of a callout a recovery of this window would send. */
    public int recoverable(long calloutId, Instant since, Instant until) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM callout_delivery " + RECOVERABLE, Integer.class,
                calloutId, timestamp(since), timestamp(until));
        return count == null ? 0 : count;
    }

    /**
     * Claims, for one recovery, every delivery of the window that failed for good or was skipped because the
     * callout was inactive, and was not claimed before; returns how many. A delivery is claimed once, ever.
     */
    public int claimForRecovery(long calloutId, Instant since, Instant until, String recoveryId) {
        return jdbc.update("UPDATE callout_delivery SET recovery_id = ? " + RECOVERABLE, recoveryId, calloutId,
                timestamp(since), timestamp(until));
    }

    /** Up to {@code limit} deliveries a recovery claimed and has not sent yet, oldest first. */
    public List<Delivery> claimedNotRecovered(String recoveryId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM callout_delivery WHERE recovery_id = ? AND recovered_at IS NULL"
                + " ORDER BY id LIMIT ?", Deliveries::map, recoveryId, limit);
    }

    public void markRecovered(long id, Instant at) {
        jdbc.update("UPDATE callout_delivery SET recovered_at = ? WHERE id = ?", timestamp(at), id);
    }

    /** What an attempt changed: how many were made, the last answer, the state, and when the next is due. */
    public void afterAttempt(String processInstanceId, int attempts, DeliveryState state, Integer lastStatus,
            String lastError, Instant nextAttemptAt, Instant now) {
        jdbc.update("""
                UPDATE callout_delivery SET attempts = ?, state = ?, last_status = ?, last_error = ?,
                    next_attempt_at = ?, finished_at = ? WHERE process_instance_id = ?""",
                attempts, state.name(), lastStatus, truncate(lastError, 1000), timestamp(nextAttemptAt),
                state.finished() ? timestamp(now) : null, processInstanceId);
    }

    /** Failed for good without a further attempt: retries were cut (max-retries lowered) while it waited. */
    public void fail(String processInstanceId, Instant now) {
        jdbc.update("""
                UPDATE callout_delivery SET state = ?, next_attempt_at = NULL, finished_at = ?
                WHERE process_instance_id = ?""", DeliveryState.FAILED.name(), timestamp(now), processInstanceId);
    }

    /** Not sent (again): the callout was deactivated or deleted while the delivery waited. */
    public void skip(String processInstanceId, String reason, Instant now) {
        jdbc.update("""
                UPDATE callout_delivery SET state = ?, skip_reason = ?, next_attempt_at = NULL, finished_at = ?
                WHERE process_instance_id = ?""",
                DeliveryState.SKIPPED.name(), truncate(reason, 1000), timestamp(now), processInstanceId);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("process_instance_id"),
                rs.getString("rule_process_instance_id"), rs.getObject("callout_id", Long.class),
                rs.getString("callout_name"), rs.getString("ticket_id"), rs.getString("ticket_number"),
                rs.getString("event"), rs.getString("ticket"), rs.getString("idempotency_key"),
                DeliveryState.valueOf(rs.getString("state")), rs.getString("skip_reason"), rs.getInt("attempts"),
                rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("finished_at")), rs.getObject("resend_of", Long.class));
    }

    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
