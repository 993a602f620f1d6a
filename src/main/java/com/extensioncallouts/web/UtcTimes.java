package com.extensioncallouts.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The page shows and reads every time in UTC: the server does not know the browser's time zone, so a
 * {@code datetime-local} input is read as UTC, and the page says so beside it.
 */
final class UtcTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INPUT_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private UtcTimes() {
    }

    /** As people read it: {@code 2026-11-28 10:00:03 UTC}; null stays null. */
    static String shown(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    /** As a {@code datetime-local} input holds it: {@code 2026-11-28T10:00} (seconds only when there are any). */
    static String input(Instant instant) {
        if (instant == null) {
            return null;
        }
        boolean wholeMinute = instant.truncatedTo(ChronoUnit.MINUTES).equals(instant);
        return (wholeMinute ? INPUT : INPUT_SECONDS).format(instant);
    }

    /**
     * What a {@code datetime-local} input sent ({@code 2026-11-28T10:00}, read as UTC), or an ISO-8601 time
     * with an offset as the API takes it ({@code 2026-11-28T10:00:00Z}); null when it is neither.
     */
    static Instant parse(String text) {
        String t = text.strip().replace(' ', 'T');
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException notOffset) {
                return null;
            }
        }
    }
}
