package com.extensioncallouts.delivery;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;

/**
 * The retry rule ({@code callouts.retry.*}) as the BPMN reads it: {@code ${calloutRetryPolicy.interval}}
 * on the timer, {@code ${calloutRetryPolicy.retriesLeft(attempt)}} on the gateway. Public because the
 * expression language calls it reflectively.
 */
@Component("calloutRetryPolicy")
public class CalloutRetryPolicy {

    private final CalloutsProperties.Retry retry;

    CalloutRetryPolicy(CalloutsProperties properties) {
        this.retry = properties.retry();
        // The timer is created in the same job as the attempt, after the request went out: an interval it
        // cannot parse would roll that job back and send the same attempt again. Refuse it at start-up.
        if (retry.interval() == null || retry.interval().isNegative()) {
            throw new IllegalArgumentException("callouts.retry.interval must be zero or more, not " + retry.interval());
        }
        if (retry.maxRetries() < 0) {
            throw new IllegalArgumentException("callouts.retry.max-retries must be zero or more, not "
                    + retry.maxRetries());
        }
    }

    Duration interval() {
        return retry.interval();
    }

    /** The wait before a retry as an ISO-8601 duration, e.g. {@code PT1M}. */
    public String getInterval() {
        return retry.interval().toString();
    }

    /** After {@code attempt} failed attempts, may we send again? 1 + max-retries attempts in all. */
    public boolean retriesLeft(int attempt) {
        return attempt <= retry.maxRetries();
    }

    public int maxAttempts() {
        return retry.maxRetries() + 1;
    }
}
