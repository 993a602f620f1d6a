package com.extensioncallouts.callout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Secrets are write-only: stored and used, never answered or logged; an omitted one is kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class CalloutSecretsTests {

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private CalloutService callouts;

    private CalloutApi api;

    @BeforeEach
    void setUp() {
        api = new CalloutApi(rest, json);
    }

    @Test
    void noAnswerEverContainsASecretButEachSaysOneIsSet(CapturedOutput output) {
        String name = CalloutApi.unique("Secretive");
        ObjectNode basic = api.basic(name, "psa", "pa55-basic-secret");
        ObjectNode bearer = api.valid(CalloutApi.unique("Bearer"));
        bearer.putObject("authentication").put("type", "BEARER").put("token", "t0ken-bearer-secret");
        ObjectNode header = api.valid(CalloutApi.unique("Header"));
        header.putObject("authentication").put("type", "HEADER").put("headerName", "X-Api-Key")
                .put("headerValue", "h3ader-secret");

        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (ObjectNode request : List.of(basic, bearer, header)) {
            ResponseEntity<String> created = api.call(POST, "/api/callouts", request);
            long id = api.read(created).get("id").asLong();
            answers.add(created);
            answers.add(api.call(GET, "/api/callouts/" + id, null));
            answers.add(api.call(PUT, "/api/callouts/" + id, request));
            answers.add(api.call(POST, "/api/callouts/" + id + "/deactivate", null));
            answers.add(api.call(POST, "/api/callouts/" + id + "/activate", null));
        }
        answers.add(api.call(GET, "/api/callouts", null));

        for (ResponseEntity<String> answer : answers) {
            assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
            assertThat(answer.getBody()).doesNotContain("secret\"", "pa55", "t0ken", "h3ader", "\"password\"",
                    "\"token\"", "\"headerValue\"");
        }
        for (ResponseEntity<String> answer : answers.subList(0, answers.size() - 1)) {
            assertThat(api.read(answer).at("/authentication/secretSet").asBoolean()).isTrue();
        }
        assertThat(output.getAll()).contains("CALLOUT-01001", "CALLOUT-01002", "CALLOUT-01004", "CALLOUT-01005")
                .doesNotContain("pa55", "t0ken", "h3ader");
    }

    @Test
    void aSecretThatIsNotValidJsonIsNotRepeatedInTheProblem(CapturedOutput output) {
        String body = "{\"name\": \"Unquoted\", \"url\": \"https://rmm.example.com/x\", "
                + "\"authentication\": {\"type\": \"BEARER\", \"token\": unqu0tedTokenSecret}, "
                + "\"notification\": {\"recipients\": [\"noc@msp.example\"]}}";

        for (String json : List.of(body, "{\"token\": unqu0tedTokenSecret")) {
            ResponseEntity<String> answer = api.call(POST, "/api/callouts", json);

            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getBody()).contains("Unrecognized token").doesNotContain("unqu0tedTokenSecret");
        }
        assertThat(output.getAll()).doesNotContain("unqu0tedTokenSecret");
    }

    @Test
    void anUpdateWithoutTheSecretKeepsTheStoredOne() {
        String name = CalloutApi.unique("Keeps");
        long id = api.create(api.basic(name, "psa", "s3cret"));
        ObjectNode withoutPassword = api.basic(name, "psa-2", "ignored");
        ((ObjectNode) withoutPassword.get("authentication")).remove("password");

        ResponseEntity<String> updated = api.call(PUT, "/api/callouts/" + id, withoutPassword);

        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        JsonNode body = api.read(updated);
        assertThat(body.at("/authentication/username").asText()).isEqualTo("psa-2");
        assertThat(body.at("/authentication/secretSet").asBoolean()).isTrue();
        assertThat(callouts.get(id).authentication())
                .isEqualTo(new Authentication(AuthenticationType.BASIC, "psa-2", null, "s3cret"));
    }

    @Test
    void anUpdateWithANewSecretReplacesIt() {
        String name = CalloutApi.unique("Replaces");
        long id = api.create(api.basic(name, "psa", "s3cret"));

        assertThat(api.call(PUT, "/api/callouts/" + id, api.basic(name, "psa", "n3w")).getStatusCode().value())
                .isEqualTo(200);

        assertThat(callouts.get(id).authentication().secret()).isEqualTo("n3w");
    }

    @Test
    void aNewAuthenticationTypeNeedsItsOwnSecret() {
        String name = CalloutApi.unique("Switches");
        long id = api.create(api.basic(name, "psa", "s3cret"));
        ObjectNode bearer = api.valid(name);
        bearer.putObject("authentication").put("type", "BEARER");

        ResponseEntity<String> refused = api.call(PUT, "/api/callouts/" + id, bearer);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(api.errorFields(refused)).containsExactly("authentication.token");
        assertThat(callouts.get(id).authentication().secret()).isEqualTo("s3cret");
    }

    @Test
    void secretsOfOtherTypesAreNotStored() {
        ObjectNode request = api.valid(CalloutApi.unique("Tidy"));
        request.putObject("authentication").put("type", "BEARER").put("token", "t0k").put("username", "stray")
                .put("password", "stray-password").put("headerName", "X-Stray").put("headerValue", "stray-value");

        long id = api.create(request);

        assertThat(callouts.get(id).authentication())
                .isEqualTo(new Authentication(AuthenticationType.BEARER, null, null, "t0k"));
    }
}
