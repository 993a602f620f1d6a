package com.extensioncallouts.journal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;

/** A time window [since, until) from ISO-8601 text, such as {@code 2026-11-28T10:00:00Z}; either end may be open. */
public record TimeWindow(Instant since, Instant until) {

    /** Parses both ends; {@code InvalidInputException} naming each field that is not ISO-8601, or since after until. */
    public static TimeWindow parse(String since, String until, boolean required) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = instant("since", since, required, problems);
        Instant to = instant("until", until, required, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("until", "must be after since"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new TimeWindow(from, to);
    }

    private static Instant instant(String field, String text, boolean required, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required (ISO-8601, e.g. 2026-11-28T10:00:00Z)"));
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 date and time with an offset, e.g. "
                    + "2026-11-28T10:00:00Z"));
            return null;
        }
    }
}
