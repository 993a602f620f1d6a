package com.extensioncallouts.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.extensioncallouts.security.Roles;

/** {@code /api/callouts} end to end, as api.md describes it: real server, real database, HTTP Basic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalloutControllerTests {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private CalloutService callouts;

    @Autowired
    private IdentityService identityService;

    private CalloutApi api;

    @BeforeEach
    void setUp() {
        api = new CalloutApi(rest, json);
    }

    @Test
    void createAnswers201WithTheStoredCalloutAndItsLocation() {
        String name = CalloutApi.unique("Datto RMM ticket closure");

        ResponseEntity<String> created = api.call(POST, "/api/callouts", api.valid("  " + name + " "));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = api.read(created);
        long id = body.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasPath("/api/callouts/" + id);
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("url").asText()).isEqualTo("https://rmm.example.com/autotask/close");
        assertThat(body.get("method").asText()).isEqualTo("POST");
        assertThat(body.get("format").asText()).isEqualTo("XML");
        assertThat(body.at("/authentication/type").asText()).isEqualTo("NONE");
        assertThat(body.at("/authentication/secretSet").asBoolean()).isFalse();
        assertThat(body.at("/notification/recipients")).hasSize(1);
        assertThat(body.at("/notification/when").asText()).isEqualTo("ON_ERROR");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("workflowRuleCount").asInt()).isZero();

        ResponseEntity<String> read = api.call(GET, created.getHeaders().getLocation().getPath(), null);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(api.read(read)).isEqualTo(body);
    }

    @Test
    void everyFieldOfTheContractIsStoredAndAnswered() {
        String name = CalloutApi.unique("Full");
        ObjectNode request = api.valid(name);
        request.put("method", "GET").put("format", "JSON").put("udfName", "RMM Alert ID").put("active", false);
        request.putObject("authentication").put("type", "HEADER").put("headerName", "X-Api-Key")
                .put("headerValue", "k3y");
        request.putObject("notification").put("when", "ALWAYS").putArray("recipients")
                .add("noc@msp.example").add("tech@msp.example");

        JsonNode body = api.read(api.call(POST, "/api/callouts", request));

        assertThat(body.get("method").asText()).isEqualTo("GET");
        assertThat(body.get("format").asText()).isEqualTo("JSON");
        assertThat(body.get("udfName").asText()).isEqualTo("RMM Alert ID");
        assertThat(body.get("active").asBoolean()).isFalse();
        assertThat(body.at("/authentication/type").asText()).isEqualTo("HEADER");
        assertThat(body.at("/authentication/headerName").asText()).isEqualTo("X-Api-Key");
        assertThat(body.at("/authentication/secretSet").asBoolean()).isTrue();
        assertThat(body.at("/notification/when").asText()).isEqualTo("ALWAYS");
        assertThat(body.at("/notification/recipients").toString())
                .isEqualTo("[\"noc@msp.example\",\"tech@msp.example\"]");
    }

    @Test
    void theListIsOrderedByNameIgnoringCase() {
        String suffix = CalloutApi.unique("");
        for (String name : List.of("zulu", "Alpha", "bravo", "Charlie")) {
            api.create(api.valid(name + suffix));
        }

        assertThat(api.listedNames().stream().filter(n -> n.endsWith(suffix)))
                .containsExactly("Alpha" + suffix, "bravo" + suffix, "Charlie" + suffix, "zulu" + suffix);
    }

    @Test
    void readOnlyFieldsSentByAClientAreIgnored() {
        ObjectNode request = api.valid(CalloutApi.unique("Read-only"));
        request.put("id", 424242).put("workflowRuleCount", 9);
        request.putObject("authentication").put("type", "NONE").put("secretSet", true);

        JsonNode body = api.read(api.call(POST, "/api/callouts", request));

        assertThat(body.get("id").asLong()).isNotEqualTo(424242);
        assertThat(body.get("workflowRuleCount").asInt()).isZero();
        assertThat(body.at("/authentication/secretSet").asBoolean()).isFalse();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("name", "name is missing", b -> b.remove("name")),
                invalid("name", "name is blank", b -> b.put("name", "   ")),
                invalid("name", "name is 101 characters", b -> b.put("name", "n".repeat(101))),
                invalid("url", "url is missing", b -> b.remove("url")),
                invalid("url", "url is relative", b -> b.put("url", "/autotask/close")),
                invalid("url", "url is not http", b -> b.put("url", "ftp://rmm.example.com/close")),
                invalid("url", "url has no host", b -> b.put("url", "https:///close")),
                invalid("method", "method is unknown", b -> b.put("method", "PATCH")),
                invalid("format", "format is unknown", b -> b.put("format", "CSV")),
                invalid("authentication.type", "type is unknown", b -> auth(b).put("type", "DIGEST")),
                invalid("authentication.username", "BASIC without user name",
                        b -> auth(b).put("type", "BASIC").put("password", "pw")),
                invalid("authentication.password", "BASIC without password",
                        b -> auth(b).put("type", "BASIC").put("username", "psa")),
                invalid("authentication.token", "BEARER without token", b -> auth(b).put("type", "BEARER")),
                invalid("authentication.headerName", "HEADER with an invalid header name",
                        b -> auth(b).put("type", "HEADER").put("headerName", "X Api Key").put("headerValue", "v")),
                invalid("authentication.headerValue", "HEADER without value",
                        b -> auth(b).put("type", "HEADER").put("headerName", "X-Api-Key")),
                invalid("notification.recipients", "no recipients", b -> notification(b).putArray("recipients")),
                invalid("notification.recipients", "no notification at all", b -> b.remove("notification")),
                invalid("notification.recipients", "a recipient is no e-mail address",
                        b -> notification(b).putArray("recipients").add("noc-at-msp")),
                invalid("notification.when", "when is unknown", b -> notification(b).put("when", "NEVER")),
                invalid("active", "active is not a boolean", b -> b.put("active", "yes")),
                invalid("notification.recipients", "recipients is not an array",
                        b -> notification(b).put("recipients", "noc@msp.example")),
                invalid("authentication", "authentication is not an object",
                        b -> b.put("authentication", "BASIC")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRequests")
    void anInvalidCreateIsA400NamingTheFieldAndStoresNothing(String field, String why, Consumer<ObjectNode> change) {
        String name = CalloutApi.unique("Invalid");
        ObjectNode request = api.valid(name);
        change.accept(request);

        ResponseEntity<String> response = api.call(POST, "/api/callouts", request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(api.read(response).get("status").asInt()).isEqualTo(400);
        assertThat(api.errorFields(response)).contains(field);
        assertThat(api.listedNames()).doesNotContain(name);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRequests")
    void anInvalidUpdateIsA400NamingTheFieldAndChangesNothing(String field, String why, Consumer<ObjectNode> change) {
        String name = CalloutApi.unique("Stored");
        long id = api.create(api.valid(name));
        Callout before = callouts.get(id);
        ObjectNode request = api.valid(name);
        change.accept(request);

        ResponseEntity<String> response = api.call(PUT, "/api/callouts/" + id, request);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(api.errorFields(response)).contains(field);
        assertThat(callouts.get(id)).isEqualTo(before);
    }

    @Test
    void anEmptyObjectGetsEveryMissingFieldAtOnce() {
        ResponseEntity<String> response = api.call(POST, "/api/callouts", "{}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(api.errorFields(response)).containsExactly("name", "url", "notification.recipients");
        assertThat(api.read(response).at("/errors/2/message").asText())
                .isEqualTo("Select at least one recipient on the Notification tab.");
    }

    @Test
    void aMissingMalformedOrNonObjectBodyIsA400() {
        for (String body : new String[] { null, "", "{\"name\": ", "[]", "null" }) {
            ResponseEntity<String> response = api.call(rest.withBasicAuth("demo", "demo"), POST, "/api/callouts",
                    body, MediaType.APPLICATION_JSON);
            assertThat(response.getStatusCode().value()).as("body %s", body).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).as("body %s", body).isEqualTo(PROBLEM);
            assertThat(api.errorFields(response)).as("body %s", body).containsExactly("body");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        ResponseEntity<String> response = api.call(rest.withBasicAuth("demo", "demo"), POST, "/api/callouts",
                "name=x", MediaType.APPLICATION_FORM_URLENCODED);

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
    }

    @Test
    void unknownPathsAndWrongMethodsUnderApiAreProblemsToo() {
        ResponseEntity<String> unknown = api.call(GET, "/api/no-such-thing", null);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(api.read(unknown).get("status").asInt()).isEqualTo(404);

        ResponseEntity<String> wrongMethod = api.call(DELETE, "/api/callouts", null);
        assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
        assertThat(wrongMethod.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(wrongMethod.getHeaders().getAllow()).contains(GET, POST);

        ResponseEntity<String> getOnAction = api.call(GET, "/api/callouts/1/activate", null);
        assertThat(getOnAction.getStatusCode().value()).isEqualTo(405);
        assertThat(getOnAction.getHeaders().getContentType()).isEqualTo(PROBLEM);
    }

    @Test
    void aClientThatAcceptsNoJsonGets406AndNothingIsStoredOrChanged() {
        String name = CalloutApi.unique("Accepts XML");
        long id = api.create(api.valid(CalloutApi.unique("Stays active")));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_XML));
        TestRestTemplate demo = rest.withBasicAuth("demo", "demo");

        ResponseEntity<String> create = demo.exchange("/api/callouts", POST,
                new HttpEntity<>(api.valid(name).toString(), headers), String.class);
        ResponseEntity<String> deactivate = demo.exchange("/api/callouts/" + id + "/deactivate", POST,
                new HttpEntity<>(headers), String.class);

        assertThat(create.getStatusCode().value()).isEqualTo(406);
        assertThat(create.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(deactivate.getStatusCode().value()).isEqualTo(406);
        assertThat(api.listedNames()).doesNotContain(name);
        assertThat(callouts.get(id).active()).isTrue();
    }

    @Test
    void aNameOf100CharactersIsStoredEvenWhenItsLowerCaseIsLonger() {
        // 'İ' lower-cases to two characters: the case-insensitive key is longer than the name
        String suffix = CalloutApi.unique("");
        String name = "İ".repeat(CalloutValidator.MAX_NAME - suffix.length()) + suffix;

        ResponseEntity<String> created = api.call(POST, "/api/callouts", api.valid(name));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(api.read(created).get("name").asText()).isEqualTo(name);
        assertThat(api.call(POST, "/api/callouts", api.valid(name)).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aTakenNameIsA409WhateverItsCase() {
        String name = CalloutApi.unique("Taken");
        long id = api.create(api.valid(name));

        for (String again : List.of(name, name.toUpperCase(), " " + name.toLowerCase() + "  ")) {
            ResponseEntity<String> response = api.call(POST, "/api/callouts", api.valid(again));
            assertThat(response.getStatusCode().value()).as(again).isEqualTo(409);
            assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
            assertThat(api.read(response).get("detail").asText())
                    .isEqualTo("A callout named '" + again.trim() + "' already exists.");
        }
        long other = api.create(api.valid(CalloutApi.unique("Other")));
        assertThat(api.call(PUT, "/api/callouts/" + other, api.valid(name.toUpperCase())).getStatusCode().value())
                .isEqualTo(409);
        assertThat(api.listedNames().stream().filter(n -> n.equalsIgnoreCase(name))).containsExactly(name);

        // A callout may keep its own name, or change its case
        ResponseEntity<String> recased = api.call(PUT, "/api/callouts/" + id, api.valid(name.toUpperCase()));
        assertThat(recased.getStatusCode().value()).isEqualTo(200);
        assertThat(api.read(recased).get("name").asText()).isEqualTo(name.toUpperCase());
    }

    @Test
    void concurrentCreatesOfOneNameStoreOneAndAnswer409ToTheRest() throws Exception {
        String name = CalloutApi.unique("Raced");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String spelling = i % 2 == 0 ? name : name.toLowerCase();
                answers.add(pool.submit(() -> api.call(POST, "/api/callouts", api.valid(spelling))
                        .getStatusCode().value()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.listedNames().stream().filter(n -> n.equalsIgnoreCase(name))).hasSize(1);
    }

    @Test
    void anUnknownIdIsA404() {
        for (HttpMethod method : List.of(GET, PUT, DELETE)) {
            ResponseEntity<String> response = api.call(method, "/api/callouts/987654321",
                    method == PUT ? api.valid(CalloutApi.unique("Nowhere")) : null);
            assertThat(response.getStatusCode().value()).as(method.name()).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
        }
        assertThat(api.call(POST, "/api/callouts/987654321/activate", null).getStatusCode().value()).isEqualTo(404);
        assertThat(api.call(POST, "/api/callouts/987654321/deactivate", null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aNonNumericIdIsA400NamingTheId() {
        for (String path : List.of("/api/callouts/abc", "/api/callouts/99999999999999999999",
                "/api/callouts/abc/activate")) {
            HttpMethod method = path.endsWith("activate") ? POST : GET;
            ResponseEntity<String> response = api.call(method, path, null);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
            assertThat(api.errorFields(response)).containsExactly("id");
        }
        assertThat(api.call(DELETE, "/api/callouts/abc", null).getStatusCode().value()).isEqualTo(400);
        assertThat(api.call(PUT, "/api/callouts/abc", api.valid("x")).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void withoutValidCredentialsTheApiAnswers401AndStoresNothing() {
        // Camunda delays a user's next login after a wrong password: use a user of this test's own, not demo
        String user = "calloutApiTester";
        if (identityService.createUserQuery().userId(user).count() == 0) {
            User tester = identityService.newUser(user);
            tester.setPassword("right-password");
            identityService.saveUser(tester);
            identityService.createMembership(user, Roles.ADMINS);
        }
        assertThat(api.call(rest.withBasicAuth(user, "right-password"), GET, "/api/callouts", null,
                MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(200);

        String name = CalloutApi.unique("Unauthorised");
        for (TestRestTemplate client : List.of(rest, rest.withBasicAuth(user, "wrong-password"),
                rest.withBasicAuth("nobody", "demo"))) {
            ResponseEntity<String> list = api.call(client, GET, "/api/callouts", null, MediaType.APPLICATION_JSON);
            ResponseEntity<String> create = api.call(client, POST, "/api/callouts", api.valid(name),
                    MediaType.APPLICATION_JSON);

            assertThat(list.getStatusCode().value()).isEqualTo(401);
            assertThat(create.getStatusCode().value()).isEqualTo(401);
            assertThat(create.getHeaders().getContentType()).isNotNull().matches(PROBLEM::isCompatibleWith);
        }
        assertThat(api.listedNames()).doesNotContain(name);
    }

    @Test
    void activateAndDeactivateAnswerTheStoredCallout() {
        String name = CalloutApi.unique("Toggle");
        long id = api.create(api.valid(name));

        ResponseEntity<String> off = api.call(POST, "/api/callouts/" + id + "/deactivate", null);
        assertThat(off.getStatusCode().value()).isEqualTo(200);
        assertThat(api.read(off).get("active").asBoolean()).isFalse();
        assertThat(callouts.get(id).active()).isFalse();

        // An update that does not mention active leaves it off
        assertThat(api.read(api.call(PUT, "/api/callouts/" + id, api.valid(name))).get("active").asBoolean())
                .isFalse();

        ResponseEntity<String> on = api.call(POST, "/api/callouts/" + id + "/activate", null);
        assertThat(on.getStatusCode().value()).isEqualTo(200);
        assertThat(api.read(on).get("active").asBoolean()).isTrue();
        assertThat(callouts.get(id).active()).isTrue();
    }

    @Test
    void deleteAnswers204AndTheCalloutIsGone() {
        long id = api.create(api.valid(CalloutApi.unique("Short-lived")));

        assertThat(api.call(DELETE, "/api/callouts/" + id, null).getStatusCode().value()).isEqualTo(204);
        assertThat(api.call(GET, "/api/callouts/" + id, null).getStatusCode().value()).isEqualTo(404);
        assertThat(api.call(DELETE, "/api/callouts/" + id, null).getStatusCode().value()).isEqualTo(404);
    }

    private static Arguments invalid(String field, String why, Consumer<ObjectNode> change) {
        return Arguments.of(field, why, change);
    }

    private static ObjectNode auth(ObjectNode body) {
        return body.has("authentication") ? (ObjectNode) body.get("authentication") : body.putObject("authentication");
    }

    private static ObjectNode notification(ObjectNode body) {
        return (ObjectNode) body.get("notification");
    }
}
