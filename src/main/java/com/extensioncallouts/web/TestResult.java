package com.extensioncallouts.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.http.AttemptOutcome.Delivered;
import com.extensioncallouts.http.AttemptOutcome.Rejected;
import com.extensioncallouts.http.AttemptOutcome.Unreachable;

/** What the page shows after "Send test": the RMM's answer, or why there was none. */
public record TestResult(String calloutName, boolean delivered, Integer status, String summary, long millis,
        String responseLines, String error) implements Serializable {

    static final String ATTRIBUTE = "testResult";

    /** Enough of a response body to recognise it; the page is no place for a whole document. */
    private static final int MAX_LINES = 12;
    private static final int MAX_CHARS = 2_000;

    static TestResult of(String calloutName, AttemptOutcome outcome) {
        long millis = outcome.duration() == null ? 0 : outcome.duration().toMillis();
        // Java 17: no pattern matching for switch yet
        if (outcome instanceof Delivered d) {
            return new TestResult(calloutName, true, d.statusCode(), d.summary(), millis,
                    firstLines(d.responseExcerpt()), null);
        }
        if (outcome instanceof Rejected r) {
            return new TestResult(calloutName, false, r.statusCode(), r.summary(), millis,
                    firstLines(r.responseExcerpt()), null);
        }
        Unreachable u = (Unreachable) outcome;
        return new TestResult(calloutName, false, null, u.summary(), millis, null, u.error());
    }

    static String firstLines(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String[] lines = body.strip().split("\\R", -1);
        String head = Arrays.stream(lines).limit(MAX_LINES).collect(Collectors.joining("\n"));
        boolean cut = lines.length > MAX_LINES || head.length() > MAX_CHARS;
        if (head.length() > MAX_CHARS) {
            head = head.substring(0, MAX_CHARS);
        }
        return cut ? head + "\n…" : head;
    }
}
