package com.extensioncallouts.http;

import java.time.Duration;

/** The longest one attempt's request can take: it is aborted then, whatever it is doing. */
public final class RequestDeadline {

    private RequestDeadline() {
    }

    /** The deadline of a request under {@code callouts.http.timeout}. */
    public static Duration of(Duration timeout) {
        return timeout.multipliedBy(CalloutHttpConnector.DEADLINE_TIMEOUTS);
    }
}
