package com.extensioncallouts.monitor;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What deliveries do, as Micrometer meters tagged with the callout's name. {@value #ATTEMPTS} counts every
 * request sent for a delivery by what came of it ({@link Outcome}); {@value #ATTEMPT_DURATION} times them;
 * {@value #SKIPPED} counts triggers that sent nothing; {@value #TURN_WAITS} counts send steps that found the
 * callout's share of connections taken and waited for a turn (no request, no attempt spent). "Send test" on
 * the management page is no delivery and is not counted.
 */
@Component
public class CalloutMetrics {

    public static final String ATTEMPTS = "callouts.attempts";
    public static final String ATTEMPT_DURATION = "callouts.attempt.duration";
    public static final String SKIPPED = "callouts.skipped";
    public static final String TURN_WAITS = "callouts.turn.waits";
    static final String CALLOUT = "callout";
    /** Histogram buckets of the attempt timer: a few per callout, enough for {@code histogram_quantile}. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30)};
    static final String OUTCOME = "outcome";

    /** What came of one attempt. */
    public enum Outcome {
        /** The RMM answered 2xx. */
        DELIVERED,
        /** It failed; another attempt follows after the retry interval. */
        RETRYING,
        /** It failed and no attempt follows: an incident waits in Cockpit. */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    CalloutMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void attempted(String callout, Outcome outcome, Duration took) {
        Counter.builder(ATTEMPTS).description("Requests sent to RMMs for deliveries, by what came of them")
                .tag(CALLOUT, callout).tag(OUTCOME, outcome.tag()).register(registry).increment();
        Timer.builder(ATTEMPT_DURATION).description("How long one request to an RMM took, answer read")
                .tag(CALLOUT, callout).serviceLevelObjectives(BUCKETS).register(registry).record(took);
    }

    public void skipped(String callout) {
        Counter.builder(SKIPPED).description("Triggers that sent nothing: callout unknown or inactive, no UDF value")
                .tag(CALLOUT, callout).register(registry).increment();
    }

    public void waitedForTurn(String callout) {
        Counter.builder(TURN_WAITS).description("Send steps that found the callout's share of connections taken "
                + "and waited for a turn, spending no attempt").tag(CALLOUT, callout).register(registry).increment();
    }
}
