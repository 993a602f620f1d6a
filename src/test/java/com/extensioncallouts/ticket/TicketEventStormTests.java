package com.extensioncallouts.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.support.Deployments;

/**
 * A storm of ticket events waits for a turn instead of taking every connection from the deliveries; one
 * that gets no turn in time is refused with 503 and Retry-After, and starts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "callouts.ticket-events.max-concurrent=1",
        "callouts.ticket-events.max-wait=PT0.5S" })
@ActiveProfiles("test")
class TicketEventStormTests {

    /** Holds the rule that calls it until released: a ticket event that takes its time. */
    public static class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        public boolean hold() throws InterruptedException {
            entered.countDown();
            return release.await(20, TimeUnit.SECONDS);
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        Gate stormGate() {
            return new Gate();
        }
    }

    @Autowired TestRestTemplate rest;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired Gate gate;

    @AfterEach
    void release() {
        gate.release.countDown();
    }

    @Test
    void anEventThatGetsNoTurnInTimeIsRefusedWith503AndStartsNothing() throws Exception {
        Deployments rules = new Deployments(repository);
        try {
            rules.deploy("slow.bpmn", slowRule());
            CompletableFuture<ResponseEntity<String>> slow = CompletableFuture.supplyAsync(() -> post("slow-1"));
            assertThat(gate.entered.await(10, TimeUnit.SECONDS)).as("the first event holds the only turn").isTrue();

            ResponseEntity<String> refused = post("refused-2");

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(refused.getBody()).contains("\"status\":503", "Send it again");
            gate.release.countDown();
            assertThat(slow.get(20, TimeUnit.SECONDS).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("storm-rule").count())
                    .as("only the event that got its turn started the rule").isEqualTo(1);
        } finally {
            rules.deleteAll();
        }
    }

    private ResponseEntity<String> post(String number) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("demo", "demo").postForEntity("/api/ticket-events", new HttpEntity<>(
                "{\"event\": \"CREATED\", \"ticket\": {\"id\": 1, \"number\": \"" + number + "\"}}", headers),
                String.class);
    }

    private static String slowRule() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://extensioncallouts.com/test">
                  <signal id="created" name="ticket-created"/>
                  <process id="storm-rule" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"><signalEventDefinition signalRef="created"/></startEvent>
                    <sequenceFlow id="toHold" sourceRef="start" targetRef="hold"/>
                    <serviceTask id="hold" camunda:expression="${stormGate.hold()}"/>
                    <sequenceFlow id="toEnd" sourceRef="hold" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """;
    }
}
