package com.extensioncallouts.apidoc;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.extensioncallouts.http.UserAgent;
import com.extensioncallouts.security.Roles;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API description springdoc publishes at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui/index.html}):
 * what it says about the whole API (who may call what, the problem answers); {@link ApiDocsCustomizer} adds what
 * each call needs. The reference page, {@code src/site/markdown/api.md}, says the same in prose.
 */
@Configuration
class ApiDocsConfiguration {

    /** A Camunda user, HTTP Basic. */
    static final String CAMUNDA_USER = "camundaUser";
    /** An API key made with {@code POST /api/api-keys}, as a bearer token. */
    static final String API_KEY = "apiKey";
    static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            Extension Callouts: ticket systems report ticket events, workflow rules (BPMN) decide what to do, and \
            callouts send the ticket to an RMM.

            **Who may call what.** Every call takes HTTP Basic with a Camunda user (*Authorize* → `%1$s`). \
            Members of the Camunda group `%2$s` may do everything. Members of the group `%3$s` may only post \
            ticket events (`POST /api/ticket-events`, and signals through Camunda's `/engine-rest/signal`). An API \
            key (`xck_…`, made by an administrator with `POST /api/api-keys`) is sent as \
            `Authorization: Bearer xck_…` (*Authorize* → `%4$s`) and may only post ticket events. Without valid \
            credentials: `401`; with credentials that may not do this: `403`.

            **Errors** are `application/problem+json` (RFC 9457): `type`, `title`, `status`, `detail`; a `400` \
            lists every invalid field at once in `errors` (`field` is a JSON path such as \
            `authentication.password`). Bad input never changes stored data. Also: `404` for an unknown path, \
            `405` for a wrong method (with `Allow`), `415` for a body that is not JSON, `406` for an `Accept` \
            without JSON, decided before anything happens.

            Secrets (`password`, `token`, `headerValue`) are write-only: answers say `"secretSet": true` instead.
            """.formatted(CAMUNDA_USER, Roles.ADMINS, Roles.TICKET_SYSTEMS, API_KEY);

    @Bean
    OpenAPI apiDescription(UserAgent userAgent) {
        return new OpenAPI()
                .info(new Info().title("Extension Callouts API")
                        .version(userAgent.value().substring(userAgent.value().indexOf('/') + 1))
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(CAMUNDA_USER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("A Camunda user (HTTP Basic), e.g. demo / demo on the embedded default. "
                                        + "Group `" + Roles.ADMINS + "`: every call; group `" + Roles.TICKET_SYSTEMS
                                        + "`: POST /api/ticket-events only."))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("xck_…")
                                .description("An API key from POST /api/api-keys, for a ticket system: "
                                        + "POST /api/ticket-events only. 20 wrong keys from one address within a "
                                        + "minute are answered 429 for the rest of that minute."))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer apiDocsCustomizer() {
        return new ApiDocsCustomizer();
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the field, e.g. `notification.recipients`"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An RFC 9457 problem (`application/problem+json`)")
                .addProperty("type", new StringSchema().format("uri")
                        .description("`https://extension-callouts.dev/problems/` and one of `invalid-input`, "
                                + "`unreadable-body`, `unauthenticated`, `forbidden`, `not-found`, `conflict`, "
                                + "`too-many-wrong-keys`, `busy`"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, in a sentence"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("400 only: every invalid field"))
                .addProperty("workflowRules", new ArraySchema().items(new StringSchema())
                        .description("409 only, when workflow rules still call the callout: their names"))
                .required(List.of("type", "title", "status"));
    }
}
