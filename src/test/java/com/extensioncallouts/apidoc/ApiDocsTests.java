package com.extensioncallouts.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The API description at {@code /v3/api-docs}: it names every {@code /api} call the controllers serve (and no
 * other), says who may make each, and which problems each can answer. Read without signing in, as anyone may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiDocsTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws IOException {
        ResponseEntity<String> answer = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode().value()).as("/v3/api-docs without credentials").isEqualTo(200);
        document = json.readTree(answer.getBody());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "api-docs.json"), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(document));
    }

    @Test
    void namesEveryApiCallTheControllersServeAndNoOther() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(method.name() + " " + path))));

        assertThat(served).as("the controllers serve /api calls").hasSizeGreaterThan(10);
        assertThat(calls()).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void everyCallSaysWhoMayMakeIt() {
        assertThat(document.at("/components/securitySchemes/camundaUser/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/securitySchemes/apiKey/bearerFormat").asText()).startsWith("xck_");
        assertThat(document.at("/info/description").asText()).contains("camunda-admin", "ticket-systems");

        for (String call : calls()) {
            List<String> schemes = new ArrayList<>();
            operation(call).path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            if (call.equals("POST /api/ticket-events")) {
                assertThat(schemes).as(call).containsExactlyInAnyOrder("camundaUser", "apiKey");
            } else {
                assertThat(schemes).as(call).containsExactly("camundaUser");
            }
        }
    }

    @Test
    void everyCallNamesTheProblemsItCanAnswer() {
        for (String call : calls()) {
            JsonNode responses = operation(call).path("responses");
            assertThat(responses.fieldNames()).toIterable().as(call + " success").anyMatch(code -> code.startsWith("2"));
            assertThat(responses.has("401")).as(call + " 401").isTrue();
            assertThat(responses.has("403")).as(call + " 403").isTrue();
            if (call.contains("{id}")) {
                assertThat(responses.has("404")).as(call + " 404").isTrue();
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode problem = response.getValue().at("/content/application~1problem+json");
                    assertThat(problem.at("/schema/$ref").asText()).as(call + " " + response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                    assertThat(problem.at("/example/status").asInt()).isEqualTo(Integer.parseInt(response.getKey()));
                }
            });
        }
        JsonNode callouts = operation("POST /api/callouts").path("responses");
        assertThat(callouts.fieldNames()).toIterable().contains("201", "400", "409");
        JsonNode ticketEvents = operation("POST /api/ticket-events").path("responses");
        assertThat(ticketEvents.fieldNames()).toIterable().contains("202", "400", "401", "403", "429", "503");
        assertThat(ticketEvents.at("/503/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(ticketEvents.at("/429/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(operation("GET /api/callouts").path("responses").has("400")).as("takes no input").isFalse();
    }

    @Test
    void aTicketSystemFindsTheTicketEventItsFieldsAndAnExample() {
        JsonNode body = operation("POST /api/ticket-events").at("/requestBody/content/application~1json");
        assertThat(body.at("/example/ticket/udfs").toString()).contains("RMM Alert ID");
        JsonNode schema = document.at("/components/schemas/TicketEvent");
        assertThat(schema.at("/properties/event/enum").toString()).isEqualTo("[\"CREATED\",\"EDITED\"]");
        assertThat(schema.at("/required").toString()).contains("event", "ticket");
        assertThat(document.at("/components/schemas/Ticket/required").toString()).contains("id", "number");
        assertThat(operation("POST /api/ticket-events").at("/responses/202/content/application~1json/example/workflowRules")
                .isArray()).isTrue();
    }

    @Test
    void theSwaggerUiLoadsWithoutSigningIn() {
        ResponseEntity<String> page = rest.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("swagger-ui");
        // Its bundle injects a style element; scripts stay as strict as on the management page
        assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "frame-ancestors 'none'");
        assertThat(rest.getForEntity("/login", String.class).getHeaders().getFirst("Content-Security-Policy"))
                .as("the management page keeps its policy").contains("style-src 'self';");
        ResponseEntity<String> config = rest.getForEntity("/v3/api-docs/swagger-config", String.class);
        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(config.getBody()).contains("/v3/api-docs");
    }

    private List<String> calls() {
        List<String> calls = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                calls.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return calls;
    }

    private JsonNode operation(String call) {
        String[] parts = call.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }
}
