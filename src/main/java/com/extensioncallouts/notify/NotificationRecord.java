package com.extensioncallouts.notify;

import java.time.Instant;

/** One notification to resources (table {@code callout_notification}). */
public record NotificationRecord(
        String processInstanceId,
        String calloutName,
        String recipients,
        String subject,
        Status status,
        String error,
        Instant createdAt) {

    /** SENT by e-mail; LOGGED because no mail server is configured; FAILED: the mail server refused or timed out. */
    public enum Status { SENT, LOGGED, FAILED }
}
