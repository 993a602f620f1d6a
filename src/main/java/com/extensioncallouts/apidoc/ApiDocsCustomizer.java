package com.extensioncallouts.apidoc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

/**
 * What every call of the API description gets without an annotation on its controller: its security
 * requirement, the problem answers it can give (400 when it takes input, 401 and 403 always, 404 when its path
 * names an id; 409, 429 and 503 where the controller declares them) as {@code application/problem+json}, and
 * examples. A call added later is covered without anything to remember.
 */
final class ApiDocsCustomizer implements OpenApiCustomizer {

    /** The one call a ticket system makes, and the only one an API key may make. */
    static final String TICKET_EVENTS = "POST /api/ticket-events";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final Map<String, String> PROBLEM_DESCRIPTIONS = Map.of(
            "400", "Invalid input: every invalid field in `errors`; nothing was changed",
            "401", "No valid credentials: a Camunda user (HTTP Basic) or, where allowed, an API key",
            "403", "Signed in, but not allowed to do this: only members of `camunda-admin` may; members of "
                    + "`ticket-systems` and API keys may post ticket events only",
            "404", "Nothing with this id");

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        if (api.getComponents() != null) {
            CalloutSchemas.describe(api.getComponents());
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String call = method + " " + path;
            operation.setSecurity(security(call));
            addProblems(path, operation);
            ApiExamples.addTo(call, operation);
        }));
    }

    private static List<SecurityRequirement> security(String call) {
        SecurityRequirement user = new SecurityRequirement().addList(ApiDocsConfiguration.CAMUNDA_USER);
        return call.equals(TICKET_EVENTS)
                ? List.of(user, new SecurityRequirement().addList(ApiDocsConfiguration.API_KEY))
                : List.of(user);
    }

    private static void addProblems(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            responses.computeIfAbsent("400", code -> new ApiResponse());
        }
        responses.computeIfAbsent("401", code -> new ApiResponse());
        responses.computeIfAbsent("403", code -> new ApiResponse());
        if (path.contains("{id}")) {
            responses.computeIfAbsent("404", code -> new ApiResponse());
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(code, response);
            }
        });
        ApiResponses inOrder = new ApiResponses();
        new TreeMap<>(responses).forEach(inOrder::addApiResponse);
        operation.setResponses(inOrder);
    }

    private static void asProblem(String code, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(PROBLEM_DESCRIPTIONS.getOrDefault(code, "A problem"));
        }
        Schema<?> problem = new Schema<>().$ref("#/components/schemas/" + ApiDocsConfiguration.PROBLEM);
        response.setContent(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(problem).example(ApiExamples.problem(code))));
        if (code.equals("429") || code.equals("503")) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER,
                    new Header().description("Seconds to wait before sending again").schema(new IntegerSchema()));
        }
    }
}
