package com.extensioncallouts.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every attempt (table {@code callout_attempt}), written in the caller's transaction. */
@Component
public class AttemptLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;

    AttemptLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(AttemptRecord a) {
        jdbc.update("""
                INSERT INTO callout_attempt (process_instance_id, callout_id, callout_name, ticket_number,
                    idempotency_key, attempt, sent_at, duration_ms, status, error, outcome, method, url,
                    request_headers, request_body, response_headers, response_body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.processInstanceId(), a.calloutId(), a.calloutName(), Deliveries.truncate(a.ticketNumber(), 255),
                a.idempotencyKey(), a.attempt(), Timestamp.from(a.sentAt()), a.durationMs(), a.status(),
                Deliveries.truncate(a.error(), 1000), a.outcome().name(), a.method(),
                Deliveries.truncate(a.url(), 100_000), json(a.requestHeaders(), 20_000),
                Deliveries.truncate(a.requestBody(), AttemptRecord.REQUEST_BODY_CHARS), json(a.responseHeaders(), 20_000),
                Deliveries.truncate(a.responseBody(), AttemptRecord.RESPONSE_BODY_CHARS));
    }

    /** The attempts of one extension-callout process instance, in the order they were sent. */
    public List<AttemptRecord> attemptsOf(String processInstanceId) {
        return jdbc.query("SELECT * FROM callout_attempt WHERE process_instance_id = ? ORDER BY attempt, id",
                AttemptLog::map, processInstanceId);
    }

    private static AttemptRecord map(ResultSet rs, int row) throws SQLException {
        return new AttemptRecord(rs.getLong("id"), rs.getString("process_instance_id"),
                rs.getObject("callout_id", Long.class), rs.getString("callout_name"), rs.getString("ticket_number"),
                rs.getString("idempotency_key"), rs.getInt("attempt"), rs.getTimestamp("sent_at").toInstant(),
                rs.getLong("duration_ms"), rs.getObject("status", Integer.class), rs.getString("error"),
                AttemptRecord.Outcome.valueOf(rs.getString("outcome")), rs.getString("method"), rs.getString("url"),
                headers(rs.getString("request_headers")), rs.getString("request_body"),
                headers(rs.getString("response_headers")), rs.getString("response_body"));
    }

    private static String json(Map<String, String> headers, int max) {
        if (headers == null) {
            return null;
        }
        try {
            return Deliveries.truncate(JSON.writeValueAsString(headers), max);
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, String> headers(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, HEADERS);
        } catch (Exception cutOrOld) {
            return Map.of();
        }
    }
}
