package com.extensioncallouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.extensioncallouts.http.AttemptOutcome;

/** What "Send test" shows of each kind of outcome. */
class TestResultTests {

    @Test
    void aDeliveredTestShowsStatusTimeAndBody() {
        TestResult result = TestResult.of("Datto", new AttemptOutcome.Delivered(200, Duration.ofMillis(42), "{\"ok\":true}"));

        assertThat(result.delivered()).isTrue();
        assertThat(result.summary()).isEqualTo("HTTP 200");
        assertThat(result.millis()).isEqualTo(42);
        assertThat(result.responseLines()).isEqualTo("{\"ok\":true}");
        assertThat(result.error()).isNull();
    }

    @Test
    void aRejectedTestIsAFailureWithTheRmmsAnswer() {
        TestResult result = TestResult.of("Datto", new AttemptOutcome.Rejected(500, Duration.ofMillis(7), "boom"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.status()).isEqualTo(500);
        assertThat(result.responseLines()).isEqualTo("boom");
    }

    @Test
    void anUnreachableRmmShowsTheError() {
        TestResult result = TestResult.of("Datto", new AttemptOutcome.Unreachable("connection refused", Duration.ofMillis(3)));

        assertThat(result.delivered()).isFalse();
        assertThat(result.status()).isNull();
        assertThat(result.error()).isEqualTo("connection refused");
        assertThat(result.responseLines()).isNull();
    }

    @Test
    void onlyTheFirstLinesOfALongBodyAreShown() {
        String body = IntStream.rangeClosed(1, 40).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

        String shown = TestResult.firstLines(body);

        assertThat(shown).startsWith("line 1\nline 2").contains("line 12").doesNotContain("line 13").endsWith("…");
        assertThat(TestResult.firstLines("   ")).isNull();
    }
}
