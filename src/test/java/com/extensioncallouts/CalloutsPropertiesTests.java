package com.extensioncallouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What a node keeps in its caches never outlives one retry interval: a change on another node is seen by then. */
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

    private static CalloutsProperties properties(Duration retryInterval, Duration callouts, Duration credentials) {
        return new CalloutsProperties(new CalloutsProperties.Retry(retryInterval, 10),
                new CalloutsProperties.Http(Duration.ofSeconds(30)), new CalloutsProperties.Mail("a@b.example"),
                new CalloutsProperties.Cache(callouts, credentials),
                new CalloutsProperties.TicketEvents(0, Duration.ofSeconds(30), Duration.ofMillis(10)),
                25, Duration.ofDays(30),
                java.net.URI.create("http://localhost:8080"));
    }
}
