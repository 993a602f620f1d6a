package com.extensioncallouts.http;

import java.time.Duration;
import java.util.Map;

/** What came of one attempt to send a callout. Only a 2xx answer is {@link Delivered}. */
public sealed interface AttemptOutcome {

    Duration duration();

    default boolean delivered() {
        return this instanceof Delivered;
    }

    /** The HTTP status, or {@code null} when the RMM never answered. */
    Integer status();

    /** A one-line description for people: "HTTP 200", "HTTP 500", "connection refused". */
    String summary();

    /** The answer's headers, as received (secrets redacted), or empty when there was none. */
    default Map<String, String> responseHeaders() {
        return Map.of();
    }

    /** The RMM answered 2xx. {@code responseExcerpt}: the body's first 20 KiB, secrets redacted. */
    record Delivered(int statusCode, Duration duration, String responseExcerpt, Map<String, String> responseHeaders)
            implements AttemptOutcome {

        public Delivered(int statusCode, Duration duration, String responseExcerpt) {
            this(statusCode, duration, responseExcerpt, Map.of());
        }

        public Integer status() {
            return statusCode;
        }

        public String summary() {
            return "HTTP " + statusCode;
        }
    }

    /** The RMM answered, but not with 2xx (3xx, 4xx, 5xx). */
    record Rejected(int statusCode, Duration duration, String responseExcerpt, Map<String, String> responseHeaders)
            implements AttemptOutcome {

        public Rejected(int statusCode, Duration duration, String responseExcerpt) {
            this(statusCode, duration, responseExcerpt, Map.of());
        }

        public Integer status() {
            return statusCode;
        }

        public String summary() {
            return "HTTP " + statusCode;
        }
    }

    /** No answer: connection refused, unknown host, timeout, broken connection. */
    record Unreachable(String error, Duration duration) implements AttemptOutcome {
        public Integer status() {
            return null;
        }

        public String summary() {
            return error;
        }
    }
}
