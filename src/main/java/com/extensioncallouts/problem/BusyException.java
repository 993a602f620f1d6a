package com.extensioncallouts.problem;

import java.time.Duration;

/** The server is too busy to take the request now; answered 503 with {@code Retry-After}. */
public class BusyException extends RuntimeException {

    private final transient Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
