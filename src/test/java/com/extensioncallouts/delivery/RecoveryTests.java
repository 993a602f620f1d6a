package com.extensioncallouts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.journal.DeliveryState;
import com.extensioncallouts.support.CalloutEngineTest;
import com.extensioncallouts.support.HttpReceiver.Answer;
import com.extensioncallouts.support.HttpReceiver.Received;

/**
 * Recovering what an RMM missed: every delivery of the window asked for that failed for good or was skipped
 * while the callout was inactive is sent once more, as a new delivery; nothing outside the window, nothing
 * twice.
 */
class RecoveryTests extends CalloutEngineTest {

    @Autowired TestRestTemplate rest;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void everyFailedAndInactiveSkippedDeliveryOfTheWindowIsSentOnceAsANewDelivery() {
        RMM.alwaysAnswer(Answer.status(503));
        Callout callout = create(new CalloutDraft(unique("Recovered"), RMM.url("/rmm/recover"), "POST", "JSON", "NONE",
                null, null, null, null, null, "RMM Alert ID", List.of("rec@msp.example"), "ON_ERROR", true));
        String beforeWindow = start(callout.name(), ticket("T0", "a-0"), "EDITED");
        drive(beforeWindow);
        Instant since = Instant.now();
        String failed1 = start(callout.name(), ticket("T1", "a-1"), "EDITED");
        String failed2 = start(callout.name(), ticket("T2", "a-2"), "CREATED");
        drive(failed1);
        drive(failed2);
        callouts.setActive(callout.id(), false);
        String skippedInactive = start(callout.name(), ticket("T3", "a-3"), "EDITED");
        callouts.setActive(callout.id(), true);
        String skippedNoUdf = start(callout.name(), ticket("T4", null), "EDITED");
        Instant until = Instant.now().plusMillis(1);
        assertThat(List.of(failed1, failed2)).allSatisfy(pid ->
                assertThat(delivery(pid).state()).isEqualTo(DeliveryState.FAILED));
        assertThat(delivery(skippedInactive).state()).isEqualTo(DeliveryState.SKIPPED);
        RMM.reset();

        ResponseEntity<String> answer = recover(callout.id(), since, until);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody()).isEqualTo("{\"queued\":3}");
        assertThat(RMM.requests()).as("sent in the background, not in the request").isEmpty();
        driveRecoveries();
        List<String> resends = deliveriesResending(failed1, failed2, skippedInactive);
        resends.forEach(this::drive);
        assertThat(RMM.requests()).extracting(RecoveryTests::ticketNumberIn).containsExactlyInAnyOrder("T1", "T2", "T3");
        assertThat(RMM.requests()).extracting(r -> r.header("X-Callout-Attempt")).containsOnly("1");
        assertThat(resends).allSatisfy(pid -> assertThat(delivery(pid).state()).isEqualTo(DeliveryState.DELIVERED));

        ResponseEntity<String> again = recover(callout.id(), since, until);
        assertThat(again.getBody()).as("a window recovered once has nothing left").isEqualTo("{\"queued\":0}");
        driveRecoveries();
        assertThat(RMM.requests()).hasSize(3);
        assertThat(delivery(beforeWindow).state()).as("outside the window, untouched").isEqualTo(DeliveryState.FAILED);
        assertThat(delivery(skippedNoUdf).skipReason()).startsWith("NO_UDF_VALUE");
    }

    @Test
    void anInactiveCalloutIs409ABadWindow400AndAnUnknownCallout404() {
        Callout callout = create(draft(unique("Recover off"), RMM.url("/rmm/off"), "POST", "JSON", "ON_ERROR",
                "off@msp.example"));
        callouts.setActive(callout.id(), false);
        Instant now = Instant.now();

        ResponseEntity<String> inactive = recover(callout.id(), now.minusSeconds(60), now);
        assertThat(inactive.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(inactive.getBody()).contains("Activate it first");
        assertThat(post("/api/callouts/" + callout.id() + "/recover", "{\"since\": \"today\"}").getBody())
                .contains("\"field\":\"since\"", "\"field\":\"until\"");
        assertThat(post("/api/callouts/" + callout.id() + "/recover", "{\"since\": \"today\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(recover(987654L, now.minusSeconds(60), now).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> recover(long calloutId, Instant since, Instant until) {
        return post("/api/callouts/" + calloutId + "/recover",
                "{\"since\": \"" + since + "\", \"until\": \"" + until + "\"}");
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("demo", "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
    }

    private void driveRecoveries() {
        runtime.createProcessInstanceQuery().processDefinitionKey("callout-recovery").list()
                .forEach(instance -> drive(instance.getId()));
    }

    private List<String> deliveriesResending(String... originals) {
        return List.of(originals).stream().map(pid -> resendOf(delivery(pid).id())).toList();
    }

    private String resendOf(long original) {
        return jdbc.queryForObject("SELECT process_instance_id FROM callout_delivery WHERE resend_of = ?", String.class,
                original);
    }

    private static String ticketNumberIn(Received request) {
        String body = request.body();
        int at = body.indexOf("\"number\":\"") + 10;
        return body.substring(at, body.indexOf('"', at));
    }
}
