package com.extensioncallouts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.CookieManager;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.extensioncallouts.support.CockpitEngine;

/**
 * Members of ticket-systems may report ticket events (and signals) and nothing else: 403 problem+json on the
 * rest of the API, on the management page and in Cockpit. A user in no group may do nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RolesTests {

    // Users of each test's own (a new instance per test): nothing one test did to a user can reach another
    private final String ticketSystem = "psa" + UUID.randomUUID().toString().substring(0, 8);
    private final String nobody = "nobody" + UUID.randomUUID().toString().substring(0, 8);
    private static final String EVENT = """
            {"event": "CREATED", "ticket": {"id": 1, "number": "T-ROLES"}}""";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void createUsers() {
        CockpitEngine.use(engine);
        for (String id : new String[] { ticketSystem, nobody }) {
            User user = identity.newUser(id);
            user.setPassword("s3cret-" + id);
            identity.saveUser(user);
        }
        identity.createMembership(ticketSystem, Roles.TICKET_SYSTEMS);
    }

    @AfterEach
    void deleteUsers() {
        identity.deleteUser(ticketSystem);
        identity.deleteUser(nobody);
    }

    @Test
    void aTicketSystemReportsTicketEventsAndSignalsAndNothingElse() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(send(client, post("/api/ticket-events", EVENT, ticketSystem)).statusCode()).isEqualTo(202);
        assertThat(send(client, post("/engine-rest/signal", "{\"name\": \"nothing-listens\"}", ticketSystem))
                .statusCode()).isEqualTo(204);

        for (HttpRequest refused : new HttpRequest[] {
                get("/api/callouts", ticketSystem),
                post("/api/callouts", "{}", ticketSystem),
                post("/api/api-keys", "{\"name\": \"mine\"}", ticketSystem),
                get("/engine-rest/process-definition", ticketSystem) }) {
            HttpResponse<String> answer = send(client, refused);
            assertThat(answer.statusCode()).as(refused.uri().toString()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"status\":403", "ticket-systems");
        }
    }

    @Test
    void aUserInNoGroupMayDoNothing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(send(client, post("/api/ticket-events", EVENT, nobody)).statusCode()).isEqualTo(403);
        assertThat(send(client, get("/api/callouts", nobody)).statusCode()).isEqualTo(403);
    }

    @Test
    void theManagementPageRefusesATicketSystemWith403() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = send(client, HttpRequest.newBuilder(uri("/login")).build()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = send(client, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ticketSystem + "&password=s3cret-"
                        + ticketSystem + "&_csrf=" + csrf.group(1))).build());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        HttpResponse<String> page = send(client, HttpRequest.newBuilder(uri("/callouts")).build());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void cockpitRefusesATicketSystemWith403() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        send(client, HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).build());
        String xsrf = ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> signedIn = send(client, HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + ticketSystem + "&password=s3cret-"
                        + ticketSystem)).build());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);

        HttpResponse<String> definitions = send(client, HttpRequest.newBuilder(
                uri("/camunda/api/engine/engine/default/process-definition")).header("X-XSRF-TOKEN", xsrf).build());
        assertThat(definitions.statusCode()).isEqualTo(403);
        assertThat(definitions.body()).contains("\"status\":403");
    }

    private HttpRequest get(String path, String user) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).build();
    }

    private HttpRequest post(String path, String json, String user) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":s3cret-" + user).getBytes());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
