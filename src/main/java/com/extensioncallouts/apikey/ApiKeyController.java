package com.extensioncallouts.apikey;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/api-keys}: administrators create keys for ticket systems (shown once), list and revoke them. */
@RestController
@Tag(name = "API keys", description = "Keys for ticket systems: they may post ticket events, nothing else")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create an API key for a ticket system")
    @ApiResponse(responseCode = "201", description = "The key, shown this once (only its hash is stored)")
    @PostMapping(path = "/api/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiKeys.NewApiKey> create(@RequestBody @Schema(implementation = ApiKeyRequestSchema.class) JsonNode body) {
        JsonNode name = body == null ? null : body.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("name", "is required")));
        }
        if (name.textValue().strip().length() > 100) {
            throw new InvalidInputException(List.of(new FieldProblem("name", "must be at most 100 characters")));
        }
        ApiKeys.NewApiKey created = keys.create(name.textValue().strip());
        ApiKeyLog.created(created.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @Operation(summary = "The keys not revoked (never the keys themselves)")
    @GetMapping(path = "/api/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ApiKeys.ApiKey> list() {
        return keys.list();
    }

    @Operation(summary = "Revoke an API key")
    @ApiResponse(responseCode = "204", description = "Revoked: the key is refused from now on")
    @DeleteMapping("/api/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        keys.revoke(id);
        ApiKeyLog.revoked(id);
        return ResponseEntity.noContent().build();
    }
}
