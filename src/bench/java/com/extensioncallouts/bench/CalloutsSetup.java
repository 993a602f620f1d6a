package com.extensioncallouts.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Prepares Extension Callouts through its own REST API, as an administrator would: the callout that the
 * example rule in {@code bpmn/} executes on {@code ticket-edited}, and a second rule on
 * {@code ticket-created} with a callout whose RMM fails, for the retry measurements.
 */
final class CalloutsSetup {

    static final String HEALTHY = "RMM ticket closure";
    static final String FAILING = "Bench failing RMM";

    private final HttpClient client = HttpClient.newHttpClient();
    private final EventTarget.Callouts target;

    CalloutsSetup(EventTarget.Callouts target) {
        this.target = target;
    }

    /** The healthy callout to {@code healthyUrl}, the failing one to {@code failingUrl}, and the rule that calls it. */
    void prepare(String healthyUrl, String failingUrl) throws IOException, InterruptedException {
        createCallout(HEALTHY, healthyUrl);
        createCallout(FAILING, failingUrl);
        deployCreatedRule();
    }

    private void createCallout(String name, String url) throws IOException, InterruptedException {
        String json = """
                {"name": "%s", "url": "%s", "method": "POST", "format": "JSON",
                 "authentication": {"type": "NONE"}, "udfName": "RMM Alert ID",
                 "notification": {"recipients": ["noc@msp.example"], "when": "ON_ERROR"}}""".formatted(name, url);
        expect(201, send(EventTarget.post(target.base().resolve("/api/callouts"), json)));
    }

    private void deployCreatedRule() throws IOException, InterruptedException {
        String boundary = "bench-" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-created-rule\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"bench-created-rule.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + createdRule() + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(target.base().resolve("/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        expect(200, send(request));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.header("Authorization", target.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static String createdRule() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="BenchCreatedRule"
                    targetNamespace="https://extensioncallouts.com/bench">
                  <bpmn:signal id="Signal_TicketCreated" name="ticket-created"/>
                  <bpmn:process id="bench-created-rule" name="Bench: ticket created" isExecutable="true"
                      camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Created">
                      <bpmn:signalEventDefinition signalRef="Signal_TicketCreated"/>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="ToCall" sourceRef="Created" targetRef="Call"/>
                    <bpmn:callActivity id="Call" calledElement="extension-callout">
                      <bpmn:extensionElements>
                        <camunda:in sourceExpression="%s" target="calloutName"/>
                        <camunda:in source="ticket" target="ticket"/>
                      </bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:sequenceFlow id="ToEnd" sourceRef="Call" targetRef="End"/>
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(FAILING);
    }
}
