package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;

import com.extensioncallouts.CalloutsProperties;

/** callouts.retry.* as the BPMN reads it; a setting the timer could not use stops the start-up. */
class CalloutRetryPolicyTests {

    private static CalloutRetryPolicy policy(Duration interval, int maxRetries) {
        return new CalloutRetryPolicy(new CalloutsProperties(new CalloutsProperties.Retry(interval, maxRetries),
                new CalloutsProperties.Http(Duration.ofSeconds(30)), new CalloutsProperties.Mail("a@b.example"),
                new CalloutsProperties.Cache(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ofMillis(10), 16),
                25, Duration.ofDays(30),
                URI.create("http://localhost:8080")));
    }

    @Test
    void maxRetriesZeroMeansOneAttemptInAll() {
        CalloutRetryPolicy policy = policy(Duration.ofSeconds(60), 0);
        assertThat(policy.maxAttempts()).isEqualTo(1);
        assertThat(policy.retriesLeft(1)).isFalse();
    }

    @Test
    void tenRetriesMeanElevenAttempts() {
        CalloutRetryPolicy policy = policy(Duration.ofSeconds(60), 10);
        assertThat(policy.retriesLeft(10)).isTrue();
        assertThat(policy.retriesLeft(11)).isFalse();
    }

    @Test
    void theIntervalIsADurationTheEngineTimerParses() throws Exception {
        for (Duration interval : new Duration[] { Duration.ZERO, Duration.ofMillis(1500), Duration.ofSeconds(60),
                Duration.ofDays(2) }) {
            Date start = new Date(0);
            Date due = new DurationHelper(policy(interval, 10).getInterval(), start).getDateAfter(start);
            assertThat(due.getTime()).as(interval.toString()).isEqualTo(interval.toMillis());
        }
    }

    @Test
    void aNegativeIntervalOrRetryCountStopsTheStartUp() {
        // The timer is created after the request went out: a bad interval would fail and resend every attempt
        assertThatThrownBy(() -> new DurationHelper(Duration.ofSeconds(-5).toString(), new Date(0)).getDateAfter(new Date(0)))
                .as("what the engine would make of it").isNotNull();
        assertThatThrownBy(() -> policy(Duration.ofSeconds(-5), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callouts.retry.interval");
        assertThatThrownBy(() -> policy(Duration.ofSeconds(60), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callouts.retry.max-retries");
    }
}
