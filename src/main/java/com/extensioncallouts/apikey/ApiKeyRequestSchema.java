package com.extensioncallouts.apikey;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /api/api-keys} as the API description shows it; read as a tree. */
@Schema(name = "NewApiKeyRequest")
record ApiKeyRequestSchema(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100, example = "PSA production",
                description = "Who the key is for")
        String name) {
}
