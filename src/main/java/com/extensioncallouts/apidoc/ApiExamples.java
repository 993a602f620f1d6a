package com.extensioncallouts.apidoc;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Examples for the API description, by call ({@code "POST /api/callouts"}): the request body a client sends
 * and the answer it gets, the same values as in the reference page (src/site/markdown/api.md).
 */
final class ApiExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CALLOUT = """
            {"id": 7, "name": "Datto RMM ticket closure", "url": "https://rmm.example.com/autotask/close",
             "method": "POST", "format": "XML",
             "authentication": {"type": "BASIC", "username": "psa", "secretSet": true},
             "udfName": "RMM Alert ID", "notification": {"recipients": ["noc@msp.example"], "when": "ON_ERROR"},
             "active": true, "workflowRuleCount": 2, "signing": false}""";

    private static final String DELIVERY = """
            {"id": 42, "calloutId": 7, "calloutName": "Datto RMM ticket closure", "ticketId": "4711",
             "ticketNumber": "T20261127.0042", "event": "EDITED", "state": "RETRYING", "skipReason": null,
             "attempts": 1, "nextAttemptAt": "2026-11-28T10:01:00Z", "createdAt": "2026-11-28T10:00:00Z",
             "finishedAt": null, "ruleProcessInstanceId": "8a1c0e2f-…", "processInstanceId": "9b2d1f30-…",
             "resendOf": null, "idempotencyKey": "5d0f6c1e-…"}""";

    private static final String ATTEMPT = """
            {"attempt": 1, "sentAt": "2026-11-28T10:00:00.120Z", "durationMs": 84, "method": "POST",
             "url": "https://rmm.example.com/autotask/close",
             "requestHeaders": {"Authorization": "[redacted]", "Content-Type": "application/xml; charset=UTF-8",
                                "Idempotency-Key": "5d0f6c1e-…", "X-Callout-Attempt": "1"},
             "requestBody": "<ticket><id>4711</id>…</ticket>", "responseStatus": 503,
             "responseHeaders": {"Content-Type": "text/plain"}, "responseBody": "down for maintenance",
             "error": null}""";

    private static final Map<String, String> REQUESTS = Map.of(
            "POST /api/callouts", """
                    {"name": "Datto RMM ticket closure", "url": "https://rmm.example.com/autotask/close",
                     "method": "POST", "format": "XML",
                     "authentication": {"type": "BASIC", "username": "psa", "password": "s3cret"},
                     "udfName": "RMM Alert ID", "notification": {"recipients": ["noc@msp.example"], "when": "ON_ERROR"}}""",
            "PUT /api/callouts/{id}", """
                    {"name": "Datto RMM ticket closure", "url": "https://rmm.example.com/autotask/close",
                     "method": "POST", "format": "JSON", "authentication": {"type": "BASIC", "username": "psa"},
                     "udfName": "RMM Alert ID", "notification": {"recipients": ["noc@msp.example"], "when": "ALWAYS"}}""",
            "POST /api/ticket-events", """
                    {"event": "EDITED",
                     "ticket": {"id": 4711, "number": "T20261127.0042", "title": "Disk space low on SRV-01",
                                "status": "Complete", "priority": "High", "queue": "Monitoring Alert",
                                "udfs": {"RMM Alert ID": "a-123"}}}""",
            "POST /api/callouts/{id}/recover", """
                    {"since": "2026-11-28T00:00:00Z", "until": "2026-11-28T12:00:00Z"}""",
            "POST /api/api-keys", """
                    {"name": "PSA production"}""");

    private static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("GET /api/callouts", "[" + CALLOUT + "]"),
            Map.entry("POST /api/callouts", CALLOUT),
            Map.entry("GET /api/callouts/{id}", CALLOUT),
            Map.entry("PUT /api/callouts/{id}", CALLOUT),
            Map.entry("POST /api/callouts/{id}/activate", CALLOUT),
            Map.entry("POST /api/callouts/{id}/deactivate", CALLOUT.replace("\"active\": true", "\"active\": false")),
            Map.entry("POST /api/ticket-events", """
                    {"eventId": "0c4e8f2a-…", "workflowRules": [{"processDefinitionKey": "ticket-completed-close-rmm-alert",
                     "processInstanceId": "8a1c0e2f-…"}]}"""),
            Map.entry("GET /api/callouts/{id}/deliveries",
                    "{\"content\": [" + DELIVERY + "], \"page\": 0, \"size\": 20, \"totalElements\": 1}"),
            Map.entry("GET /api/deliveries/{id}", DELIVERY.replace("\"attempts\": 1", "\"attempts\": [" + ATTEMPT + "]")),
            Map.entry("GET /api/deliveries", "[" + DELIVERY.replace("\"attempts\": 1", "\"attempts\": [" + ATTEMPT + "]") + "]"),
            Map.entry("POST /api/deliveries/{id}/resend", DELIVERY.replace("\"id\": 42", "\"id\": 43")
                    .replace("\"state\": \"RETRYING\"", "\"state\": \"PENDING\"").replace("\"attempts\": 1", "\"attempts\": 0")
                    .replace("\"resendOf\": null", "\"resendOf\": 42")),
            Map.entry("POST /api/callouts/{id}/recover", "{\"queued\": 3}"),
            Map.entry("POST /api/callouts/{id}/signing-secret", "{\"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}"),
            Map.entry("POST /api/api-keys", """
                    {"id": 3, "name": "PSA production", "key": "xck_q8Vt3m…", "createdAt": "2026-11-28T10:00:00Z"}"""),
            Map.entry("GET /api/api-keys", """
                    [{"id": 3, "name": "PSA production", "createdAt": "2026-11-28T10:00:00Z",
                      "lastUsedAt": "2026-11-28T10:05:00Z"}]"""));

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", """
                    {"type": "https://extension-callouts.dev/problems/invalid-input", "title": "Invalid input",
                     "status": 400, "detail": "The request has 2 invalid field(s).",
                     "errors": [{"field": "url", "message": "A URL is required."},
                                {"field": "notification.recipients",
                                 "message": "Select at least one recipient on the Notification tab."}]}""",
            "401", problem("unauthenticated", "Unauthenticated", 401, "Send HTTP Basic credentials of a Camunda user."),
            "403", problem("forbidden", "Forbidden", 403, "Only members of the group 'camunda-admin' may do this; "
                    + "members of 'ticket-systems' and API keys may post ticket events only."),
            "404", problem("not-found", "Not found", 404, "No callout with id 7."),
            "409", """
                    {"type": "https://extension-callouts.dev/problems/conflict", "title": "Conflict", "status": 409,
                     "detail": "Callout 'Datto RMM ticket closure' is executed by workflow rule(s) Ticket completed → close RMM alert. Remove it from them first.",
                     "workflowRules": ["Ticket completed → close RMM alert"]}""",
            "429", problem("too-many-wrong-keys", "Too many wrong API keys", 429,
                    "Too many wrong API keys from this address; try again in 42 s."),
            "503", problem("busy", "Busy", 503,
                    "Too many ticket events at once; none was started for this one. Send it again in a moment."));

    private ApiExamples() {
    }

    /** The request and answer examples of this call, where there are some. */
    static void addTo(String call, Operation operation) {
        String request = REQUESTS.get(call);
        if (request != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(json(request)));
        }
        String answer = ANSWERS.get(call);
        if (answer != null) {
            operation.getResponses().entrySet().stream()
                    .filter(response -> response.getKey().startsWith("2"))
                    .map(Map.Entry::getValue)
                    .map(ApiResponse::getContent)
                    .filter(content -> content != null)
                    .flatMap(content -> content.values().stream())
                    .forEach((MediaType media) -> media.setExample(json(answer)));
        }
    }

    static JsonNode problem(String status) {
        return json(PROBLEMS.getOrDefault(status, problem("problem", "Problem", Integer.parseInt(status), "…")));
    }

    private static String problem(String type, String title, int status, String detail) {
        return "{\"type\": \"https://extension-callouts.dev/problems/" + type + "\", \"title\": \"" + title
                + "\", \"status\": " + status + ", \"detail\": \"" + detail + "\"}";
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an example is not JSON: " + text, e);
        }
    }
}
