package com.extensioncallouts.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A time window [since, until) as two page inputs typed it, read as UTC ({@link UtcTimes}). Problems are
 * collected per input ({@code since}, {@code until}) in words for the page, never thrown.
 */
record UtcWindow(Instant since, Instant until, String sinceInput, String untilInput, Map<String, String> errors) {

    static UtcWindow parse(String since, String until, boolean required) {
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = instant("since", since, required, errors);
        Instant to = instant("until", until, required, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.put("until", "Until must be after Since.");
        }
        return new UtcWindow(from, to, shownAgain(since, from), shownAgain(until, to), Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** Both ends as {@code 2026-11-28 10:00:00 UTC – 2026-11-28 12:00:00 UTC}, for messages. */
    String described() {
        return UtcTimes.shown(since) + " – " + UtcTimes.shown(until);
    }

    private static Instant instant(String field, String text, boolean required, Map<String, String> errors) {
        String label = "since".equals(field) ? "Since" : "Until";
        if (text == null || text.isBlank()) {
            if (required) {
                errors.put(field, label + ": enter a date and time (UTC).");
            }
            return null;
        }
        Instant parsed = UtcTimes.parse(text);
        if (parsed == null) {
            errors.put(field, label + ": “" + abbreviate(text.strip()) + "” is not a date and time. "
                    + "Use the form 2026-11-28T10:00 (UTC).");
        }
        return parsed;
    }

    /** A valid time goes back into its input in the input's own form; anything else as it was typed. */
    private static String shownAgain(String text, Instant parsed) {
        return parsed == null ? (text == null ? "" : text) : UtcTimes.input(parsed);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
