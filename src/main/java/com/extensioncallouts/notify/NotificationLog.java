package com.extensioncallouts.notify;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of every notification, whether it went out by e-mail or not. */
@Component
public class NotificationLog {

    private final JdbcTemplate jdbc;

    NotificationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(NotificationRecord n) {
        jdbc.update("""
                INSERT INTO callout_notification (process_instance_id, callout_name, recipients, subject, status,
                    error, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                n.processInstanceId(), n.calloutName(), truncate(n.recipients(), 4096), truncate(n.subject(), 500),
                n.status().name(), truncate(n.error(), 1000), Timestamp.from(n.createdAt()));
    }

    /** The notifications about one extension-callout process instance, oldest first. */
    public List<NotificationRecord> notificationsOf(String processInstanceId) {
        return jdbc.query("SELECT * FROM callout_notification WHERE process_instance_id = ? ORDER BY id",
                (rs, row) -> new NotificationRecord(rs.getString("process_instance_id"), rs.getString("callout_name"),
                        rs.getString("recipients"), rs.getString("subject"),
                        NotificationRecord.Status.valueOf(rs.getString("status")), rs.getString("error"),
                        rs.getTimestamp("created_at").toInstant()),
                processInstanceId);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
