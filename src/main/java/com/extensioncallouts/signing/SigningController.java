package com.extensioncallouts.signing;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.extensioncallouts.callout.CalloutService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/callouts/{id}/signing-secret}: generate (or rotate) and remove a callout's signing secret. */
@RestController
@Tag(name = "Callouts")
class SigningController {

    private final SigningSecrets secrets;
    private final CalloutService callouts;

    SigningController(SigningSecrets secrets, CalloutService callouts) {
        this.secrets = secrets;
        this.callouts = callouts;
    }

    /** The new secret, this once: it is stored sealed and never shown again. */
    @Operation(summary = "Sign the callout's requests (Standard Webhooks): a new secret, or a rotated one",
            description = "A secret it had keeps signing beside the new one for callouts.signing.rotation-overlap.")
    @ApiResponse(responseCode = "201", description = "The secret, shown this once")
    @PostMapping(path = "/api/callouts/{id}/signing-secret", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> generate(@PathVariable long id) {
        callouts.get(id);
        String secret = secrets.generate(id);
        SigningLog.generated(callouts.get(id).name());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("secret", secret));
    }

    @Operation(summary = "Stop signing the callout's requests")
    @ApiResponse(responseCode = "204", description = "Not signed any more (also when it was not)")
    @DeleteMapping("/api/callouts/{id}/signing-secret")
    ResponseEntity<Void> remove(@PathVariable long id) {
        callouts.get(id);
        if (secrets.remove(id)) {
            SigningLog.removed(callouts.get(id).name());
        }
        return ResponseEntity.noContent().build();
    }
}
