package com.extensioncallouts.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Format TEMPLATE through {@code /api/callouts}: the template and content type are stored and answered; a
 * template that does not compile, a GET with a template, a missing template or an unknown content type is a
 * 400 on that field that stores nothing; {@code /api/callouts/template-preview} renders before saving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BodyTemplateApiTests {

    private static final String TEMPLATE = "{\n  \"alertId\": \"{{ticket.udfs.RMM Alert ID}}\",\n"
            + "  \"note\": \"Closed by ticket {{ticket.number}}: {{ticket.title}}\"\n}";

    @Autowired private TestRestTemplate rest;
    @Autowired private ObjectMapper json;
    @Autowired private CalloutService callouts;

    private CalloutApi api;

    @BeforeEach
    void setUp() {
        api = new CalloutApi(rest, json);
    }

    private ObjectNode templated(String name) {
        return api.valid(name).put("method", "POST").put("format", "TEMPLATE").put("template", TEMPLATE)
                .put("contentType", "Application/JSON; charset=UTF-8");
    }

    @Test
    void theTemplateAndItsContentTypeAreStoredAndAnswered() {
        String name = CalloutApi.unique("Templated");

        ResponseEntity<String> created = api.call(POST, "/api/callouts", templated(name));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = api.read(created);
        assertThat(body.get("format").asText()).isEqualTo("TEMPLATE");
        assertThat(body.get("template").asText()).isEqualTo(TEMPLATE);
        assertThat(body.get("contentType").asText()).isEqualTo("application/json");
        assertThat(api.read(api.call(GET, "/api/callouts/" + body.get("id").asLong(), null))).isEqualTo(body);

        // What a client read, sent back with another template, replaces it
        ObjectNode changed = ((ObjectNode) body.deepCopy()).put("template", "{{ticket.number}}")
                .put("contentType", "text/plain");
        JsonNode updated = api.read(api.call(PUT, "/api/callouts/" + body.get("id").asLong(), changed));
        assertThat(updated.get("template").asText()).isEqualTo("{{ticket.number}}");
        assertThat(updated.get("contentType").asText()).isEqualTo("text/plain");

        // Another format drops both
        ObjectNode xml = ((ObjectNode) updated.deepCopy()).put("format", "XML");
        xml.remove("template");
        xml.remove("contentType");
        JsonNode plain = api.read(api.call(PUT, "/api/callouts/" + body.get("id").asLong(), xml));
        assertThat(plain.get("format").asText()).isEqualTo("XML");
        assertThat(plain.has("template")).isFalse();
        assertThat(plain.has("contentType")).isFalse();
        assertThat(callouts.get(body.get("id").asLong()).template()).isNull();
    }

    static Stream<Arguments> invalidTemplates() {
        return Stream.of(
                invalid("template", "Line 2, column 12: The section 'udfs' is never closed",
                        "a syntax error names its line and column",
                        b -> b.put("template", "{\n  \"udfs\": [{{#udfs}}\"{{name}}\"]\n}")),
                invalid("template", "Line 3, column 11: '{{' opens a tag that is never closed",
                        "an unclosed tag names its line and column",
                        b -> b.put("template", "{\n\"a\": 1,\n\"title\": \"{{ticket.title\"\n}")),
                invalid("format", "GET callouts do not take templates", "GET with format TEMPLATE",
                        b -> b.put("method", "GET")),
                invalid("template", "GET callouts do not take templates", "GET with a template in another format",
                        b -> b.put("method", "GET").put("format", "JSON").remove("contentType")),
                invalid("template", "A template is required for format TEMPLATE", "no template",
                        b -> b.remove("template")),
                invalid("contentType", "'text/html' is not a content type a template can have",
                        "an unknown content type", b -> b.put("contentType", "text/html")),
                invalid("contentType", "A content type is required", "no content type",
                        b -> b.remove("contentType")),
                invalid("template", "would insert the value unescaped", "an unescaped value in JSON",
                        b -> b.put("template", "{\"t\": \"{{{ticket.title}}}\"}")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidTemplates")
    void aTemplateMistakeIsA400OnItsFieldAndStoresNothing(String field, String message, String why,
            Consumer<ObjectNode> change) {
        String name = CalloutApi.unique("Bad template");
        ObjectNode request = templated(name);
        change.accept(request);

        ResponseEntity<String> response = api.call(POST, "/api/callouts", request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode error = api.read(response).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(message);
        assertThat(api.listedNames()).doesNotContain(name);
    }

    @Test
    void anUpdateWithATemplateMistakeChangesNothing() {
        String name = CalloutApi.unique("Kept template");
        long id = api.create(templated(name));
        Callout before = callouts.get(id);

        ResponseEntity<String> response = api.call(PUT, "/api/callouts/" + id,
                templated(name).put("template", "{{#udfs}}"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(api.errorFields(response)).containsExactly("template");
        assertThat(callouts.get(id)).isEqualTo(before);
    }

    @Test
    void thePreviewRendersTheSampleTicketOrTheOneSentAndSaysWhetherTheBodyIsWellFormed() {
        ObjectNode request = json.createObjectNode().put("template", TEMPLATE).put("contentType", "application/json")
                .put("udfName", "Alert");
        request.put("template", "{\"alert\": \"{{ticket.udfs.Alert}}\", \"by\": \"{{callout.name}}\"}");

        JsonNode sample = api.read(api.call(POST, "/api/callouts/template-preview", request));

        assertThat(sample.get("contentType").asText()).isEqualTo("application/json");
        assertThat(sample.get("body").asText()).isEqualTo("{\"alert\": \"test\", \"by\": \"Preview\"}");
        assertThat(sample.has("warning")).isFalse();

        request.put("template", "<close id=\"{{ticket.id}}\" title=\"{{ticket.title}}\"/>").put("contentType",
                "application/xml");
        request.putObject("ticket").put("id", 4711).put("title", "<\"&'>");
        JsonNode given = api.read(api.call(POST, "/api/callouts/template-preview", request));
        assertThat(given.get("contentType").asText()).isEqualTo("application/xml; charset=UTF-8");
        assertThat(given.get("body").asText())
                .isEqualTo("<close id=\"4711\" title=\"&lt;&quot;&amp;&apos;&gt;\"/>");

        request.remove("ticket");
        request.put("template", "{\"id\": {{ticket.title}}}").put("contentType", "application/json");
        assertThat(api.read(api.call(POST, "/api/callouts/template-preview", request)).get("warning").asText())
                .startsWith("The body is not well-formed JSON");
    }

    @Test
    void aPreviewOfATemplateWithAMistakeIsTheSame400AsSavingIt() {
        ObjectNode request = json.createObjectNode().put("template", "line one\n  {{/udfs}}")
                .put("contentType", "text/plain");

        ResponseEntity<String> response = api.call(POST, "/api/callouts/template-preview", request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(api.read(response).at("/errors/0/message").asText())
                .isEqualTo("Line 2, column 3: {{/udfs}} closes no open section.");
    }

    private static Arguments invalid(String field, String message, String why, Consumer<ObjectNode> change) {
        return Arguments.of(field, message, why, change);
    }
}
