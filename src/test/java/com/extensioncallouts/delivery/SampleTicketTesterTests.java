package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.http.AttemptOutcome;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.HttpReceiver.Received;

/** The management page's "Send test": one real request with a sample ticket, outside any rule. */
class SampleTicketTesterTests extends CalloutEngineTest {

    @Autowired CalloutTester tester;

    @Test
    void sendsASampleTicketOnceAsAttemptOne() {
        Callout callout = create(draft(unique("Test send"), RMM.url("/rmm/test"), "POST", "JSON", "ON_ERROR",
                "t@msp.example"));

        AttemptOutcome outcome = tester.sendTest(callout);

        assertThat(outcome).isInstanceOf(AttemptOutcome.Delivered.class);
        assertThat(outcome.summary()).isEqualTo("HTTP 200");
        assertThat(((AttemptOutcome.Delivered) outcome).responseExcerpt()).isEqualTo("{\"status\":200}");
        assertThat(RMM.requests()).singleElement().satisfies((Received r) -> {
            assertThat(r.header("X-Callout-Attempt")).isEqualTo("1");
            assertThat(r.header("Idempotency-Key")).isNotBlank();
            assertThat(r.body()).startsWith("{\"event\":\"EDITED\",\"ticket\":{").contains("T00000000.0000");
        });
    }

    @Test
    void reportsRejectionsAndUnreachableRmms() {
        RMM.thenAnswer(Answer.status(302));
        Callout redirecting = create(draft(unique("Redirect"), RMM.url("/rmm/moved"), "POST", "XML", "ON_ERROR",
                "t@msp.example"));
        Callout nowhere = create(draft(unique("Nowhere"), "http://127.0.0.1:" + freePort() + "/", "GET", "XML",
                "ON_ERROR", "t@msp.example"));

        AttemptOutcome rejected = tester.sendTest(redirecting);
        AttemptOutcome unreachable = tester.sendTest(nowhere);

        assertThat(rejected).isInstanceOf(AttemptOutcome.Rejected.class);
        assertThat(rejected.status()).as("3xx is a failure, never followed").isEqualTo(302);
        assertThat(unreachable).isInstanceOf(AttemptOutcome.Unreachable.class);
        assertThat(unreachable.summary()).isEqualTo("connection refused");
        assertThat(unreachable.status()).isNull();
    }

    @Test
    void largeAnswersAreCutToAnExcerptAndNeverHoldAPooledConnection() {
        RMM.alwaysAnswer(new Answer(500, "é".repeat(200_000), false));
        Callout callout = create(draft(unique("Big answer"), RMM.url("/rmm/big"), "POST", "XML", "ON_ERROR",
                "t@msp.example"));

        for (int i = 0; i < 30; i++) { // more than the pool's 20 connections per route
            AttemptOutcome outcome = tester.sendTest(callout);
            assertThat(outcome).isInstanceOf(AttemptOutcome.Rejected.class);
            // 20 KiB of the body are read and kept (an attempt's record), the rest is dropped with the connection
            assertThat(((AttemptOutcome.Rejected) outcome).responseExcerpt()).hasSizeLessThanOrEqualTo(20 * 1024)
                    .startsWith("éé");
        }
        RMM.alwaysAnswer(Answer.status(200));
        for (int i = 0; i < 30; i++) {
            assertThat(tester.sendTest(callout).delivered()).isTrue();
        }
    }

    @Test
    void anRmmThatEchoesTheCredentialsNeverShowsThemInTheExcerpt() {
        String basic = java.util.Base64.getEncoder().encodeToString("psa:pw-s3cret".getBytes());
        RMM.alwaysAnswer(new Answer(401, "{\"error\":\"token tok-s3cret or password pw-s3cret (" + basic
                + ") not accepted\"}", false));
        Callout bearer = create(new com.extensioncallouts.callout.CalloutDraft(unique("Echo bearer"),
                RMM.url("/rmm/echo"), "POST", "XML", "BEARER", null, null, "tok-s3cret", null, null, null,
                java.util.List.of("t@msp.example"), "ON_ERROR", true));
        Callout basicAuth = create(new com.extensioncallouts.callout.CalloutDraft(unique("Echo basic"),
                RMM.url("/rmm/echo"), "POST", "XML", "BASIC", "psa", "pw-s3cret", null, null, null, null,
                java.util.List.of("t@msp.example"), "ON_ERROR", true));

        for (Callout callout : java.util.List.of(bearer, basicAuth)) {
            String excerpt = ((AttemptOutcome.Rejected) tester.sendTest(callout)).responseExcerpt();
            assertThat(excerpt).as(callout.name()).startsWith("{\"error\":\"token ")
                    .doesNotContain(callout == bearer ? "tok-s3cret" : "pw-s3cret");
            if (callout == basicAuth) {
                assertThat(excerpt).doesNotContain(basic);
            }
        }
    }

    @Test
    void anRmmThatDripsItsAnswerIsCutOffAtADeadlineNotOnlyBetweenReads() throws Exception {
        // Each read gets a byte within the 2 s socket timeout, so only an overall deadline ends it; without one
        // a job thread would outlive the job's lock and the engine would send the same attempt again
        try (java.net.ServerSocket dripper = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (java.net.Socket s = dripper.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\n".getBytes());
                    for (int i = 0; i < 60; i++) {
                        s.getOutputStream().write(("X-Drip-" + i + ": 1\r\n").getBytes());
                        s.getOutputStream().flush();
                        Thread.sleep(500);
                    }
                } catch (Exception closed) {
                    // the client gave up
                }
            });
            server.setDaemon(true);
            server.start();
            Callout callout = create(draft(unique("Dripping"), "http://127.0.0.1:" + dripper.getLocalPort() + "/",
                    "POST", "XML", "ON_ERROR", "t@msp.example"));

            long started = System.nanoTime();
            AttemptOutcome outcome = tester.sendTest(callout);
            java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(java.time.Duration.ofSeconds(8)); // 3 x callouts.http.timeout (PT2S) + slack
            assertThat(outcome).isInstanceOf(AttemptOutcome.Unreachable.class);
            assertThat(outcome.summary()).isEqualTo("no complete answer within 6 s (deadline)");
        }
    }
}
