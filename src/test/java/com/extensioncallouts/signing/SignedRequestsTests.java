package com.extensioncallouts.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Received;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/**
 * Signed requests, checked with the Standard Webhooks reference verifier: our requests verify, also with
 * either secret during a rotation; a tampered body or a stale timestamp does not; removing the secret stops
 * signing. The secret is shown once and stored sealed.
 */
class SignedRequestsTests extends CalloutEngineTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyAttemptIsSignedAndVerifiesWithTheReferenceVerifier() throws Exception {
        Callout callout = create(draft(unique("Signed"), RMM.url("/rmm/signed"), "POST", "JSON", "ON_ERROR",
                "s@msp.example"));
        String secret = generate(callout);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(admin(HttpMethod.GET, "/api/callouts/" + callout.id()).getBody())
                .contains("\"signing\":true").doesNotContain(secret);
        assertThat(jdbc.queryForObject("SELECT secret FROM callout_signing WHERE callout_id = ?", String.class,
                callout.id())).startsWith("{sealed:v1}").doesNotContain(secret.substring(6));

        drive(start(callout.name(), ticket("T1", "a-1"), "EDITED"));

        Received request = RMM.requests().get(0);
        assertThat(request.header("webhook-id")).isEqualTo(request.header("Idempotency-Key"));
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
        new Webhook(secret).verify(request.body(), headersOf(request));

        assertThatThrownBy(() -> new Webhook(secret).verify(request.body().replace("T1", "T2"), headersOf(request)))
                .as("a tampered body").isInstanceOf(WebhookVerificationException.class);
        long stale = Instant.now().getEpochSecond() - 600;
        Map<String, String> old = WebhookSignature.headers(request.header("webhook-id"), stale, request.body(),
                List.of(WebhookSignature.keyOf(secret)));
        assertThatThrownBy(() -> new Webhook(secret).verify(request.body(), headersOf(old)))
                .as("a timestamp ten minutes old").isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothSecretsVerifyAndRemovingStopsSigning() throws Exception {
        Callout callout = create(draft(unique("Rotated"), RMM.url("/rmm/rotated"), "GET", "JSON", "ON_ERROR",
                "r@msp.example"));
        String first = generate(callout);
        String second = generate(callout);
        assertThat(second).isNotEqualTo(first);

        drive(start(callout.name(), ticket("T3", "a-3"), "EDITED"));

        Received rotated = RMM.requests().get(0);
        assertThat(rotated.header("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(first).verify(rotated.body(), headersOf(rotated));
        new Webhook(second).verify(rotated.body(), headersOf(rotated));

        assertThat(admin(HttpMethod.DELETE, "/api/callouts/" + callout.id() + "/signing-secret").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        drive(start(callout.name(), ticket("T4", "a-4"), "EDITED"));
        Received unsigned = RMM.requests().get(1);
        assertThat(unsigned.header("webhook-signature")).isNull();
        assertThat(unsigned.header("webhook-id")).isNull();
        assertThat(admin(HttpMethod.GET, "/api/callouts/" + callout.id()).getBody()).contains("\"signing\":false");
    }

    @Test
    void anUnknownCalloutIs404() {
        assertThat(admin(HttpMethod.POST, "/api/callouts/987654/signing-secret").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private String generate(Callout callout) throws Exception {
        ResponseEntity<String> answer = admin(HttpMethod.POST, "/api/callouts/" + callout.id() + "/signing-secret");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.getBody()).get("secret").asText();
    }

    private ResponseEntity<String> admin(HttpMethod method, String path) {
        return rest.withBasicAuth("demo", "demo").exchange(path, method, null, String.class);
    }

    private static Map<String, List<String>> headersOf(Received request) {
        return Map.of("webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
    }

    private static Map<String, List<String>> headersOf(Map<String, String> headers) {
        return Map.of("webhook-id", List.of(headers.get("webhook-id")),
                "webhook-timestamp", List.of(headers.get("webhook-timestamp")),
                "webhook-signature", List.of(headers.get("webhook-signature")));
    }
}
