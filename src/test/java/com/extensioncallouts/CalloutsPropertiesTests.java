package com.extensioncallouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * What a node keeps in its caches never outlives one retry interval: a change on another node is seen by then.
 * Settings out of range are refused at start-up, naming the property.
 */
class CalloutsPropertiesTests {

    @Test
    void cachesShorterThanTheRetryIntervalAreKept() {
        CalloutsProperties.Cache cache =
                properties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30)).cache();

        assertThat(cache.callouts()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cache.verifiedCredentials()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void cachesLongerThanTheRetryIntervalAreCutToIt() {
        CalloutsProperties.Cache cache =
                properties(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30)).cache();

        assertThat(cache.callouts()).isEqualTo(Duration.ofSeconds(2));
        assertThat(cache.verifiedCredentials()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anH2WriteIntervalOutsideZeroToOneSecondIsRefusedNamingTheProperty() {
        assertThat(ticketEvents(Duration.ZERO).h2WriteInterval()).isZero();
        assertThat(ticketEvents(Duration.ofSeconds(1)).h2WriteInterval()).isEqualTo(Duration.ofSeconds(1));
        for (Duration wrong : new Duration[] {Duration.ofMillis(-1), Duration.ofMillis(1001), null}) {
            assertThatThrownBy(() -> ticketEvents(wrong)).as("%s", wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("callouts.ticket-events.h2-write-interval must be between PT0S and PT1S");
        }
    }

    @Test
    void aMaxBatchOutsideOneTo256IsRefusedNamingTheProperty() {
        assertThat(new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ZERO, 1).maxBatch()).isOne();
        assertThat(new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ZERO, 256).maxBatch())
                .isEqualTo(256);
        for (int wrong : new int[] {0, -1, 257}) {
            assertThatThrownBy(() -> new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ZERO, wrong))
                    .as("%d", wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("callouts.ticket-events.max-batch must be between 1")
                    .hasMessageContaining("not " + wrong);
        }
    }

    @Test
    void aMaxWaitOfZeroOrLessIsRefusedNamingTheProperty() {
        assertThat(new CalloutsProperties.TicketEvents(0, Duration.ofMillis(1), Duration.ZERO, 16).maxWait())
                .isEqualTo(Duration.ofMillis(1));
        for (Duration wrong : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
            assertThatThrownBy(() -> new CalloutsProperties.TicketEvents(0, wrong, Duration.ZERO, 16)).as("%s", wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("callouts.ticket-events.max-wait must be longer than PT0S");
        }
    }

    private static CalloutsProperties.TicketEvents ticketEvents(Duration h2WriteInterval) {
        return new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), h2WriteInterval, 16);
    }

    private static CalloutsProperties properties(Duration retryInterval, Duration callouts, Duration credentials) {
        return new CalloutsProperties(new CalloutsProperties.Retry(retryInterval, 10),
                new CalloutsProperties.Http(Duration.ofSeconds(30)), new CalloutsProperties.Mail("a@b.example"),
                new CalloutsProperties.Cache(callouts, credentials),
                new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ofMillis(10), 16),
                25, Duration.ofDays(30),
                java.net.URI.create("http://localhost:8080"));
    }
}
