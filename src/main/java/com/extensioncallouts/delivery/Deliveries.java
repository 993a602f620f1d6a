package com.extensioncallouts.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    void insert(Delivery d) {
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

    /**
     * The delivery of the instance a process step runs in. An instance started before deliveries were
     * recorded still has its ticket and key as variables: it gets its delivery now, from them.
     */
    Delivery of(DelegateExecution execution) {
        return forInstance(execution.getProcessInstanceId()).orElseGet(() -> adopt(execution));
    }

    private Delivery adopt(DelegateExecution execution) {
        Map<String, Object> ticket;
        try {
            ticket = TicketVariable.read(execution);
        } catch (IllegalArgumentException notAJsonObject) {
            ticket = Map.of();
        }
        Object key = execution.getVariable(CalloutVariables.IDEMPOTENCY_KEY);
        Object event = execution.getVariable(CalloutVariables.TICKET_EVENT);
        int attempts = CalloutVariables.attempts(execution);
        Delivery delivery = new Delivery(null, execution.getProcessInstanceId(), null, null,
                String.valueOf(execution.getVariable(CalloutVariables.CALLOUT_NAME)), TicketVariable.id(ticket),
                TicketVariable.number(ticket), event == null ? null : event.toString(), TicketVariable.toJson(ticket),
                key == null ? UUID.randomUUID().toString() : key.toString(),
                attempts == 0 ? DeliveryState.PENDING : DeliveryState.RETRYING, null, attempts, null, null, null,
                ClockUtil.getCurrentTime().toInstant(), null, null);
        insert(delivery);
        return delivery;
    }

    /** What an attempt changed: how many were made, the last answer, the state, and when the next is due. */
    void afterAttempt(String processInstanceId, int attempts, DeliveryState state, Integer lastStatus,
            String lastError, Instant nextAttemptAt, Instant now) {
        jdbc.update("""
                UPDATE callout_delivery SET attempts = ?, state = ?, last_status = ?, last_error = ?,
                    next_attempt_at = ?, finished_at = ? WHERE process_instance_id = ?""",
                attempts, state.name(), lastStatus, truncate(lastError, 1000), timestamp(nextAttemptAt),
                state.finished() ? timestamp(now) : null, processInstanceId);
    }

    /** Failed for good without a further attempt: retries were cut (max-retries lowered) while it waited. */
    void fail(String processInstanceId, Instant now) {
        jdbc.update("""
                UPDATE callout_delivery SET state = ?, next_attempt_at = NULL, finished_at = ?
                WHERE process_instance_id = ?""", DeliveryState.FAILED.name(), timestamp(now), processInstanceId);
    }

    /** Not sent (again): the callout was deactivated or deleted while the delivery waited. */
    void skip(String processInstanceId, String reason, Instant now) {
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

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
