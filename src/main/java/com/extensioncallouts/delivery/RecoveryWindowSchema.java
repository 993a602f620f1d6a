package com.extensioncallouts.delivery;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /api/callouts/{id}/recover} as the API description shows it; read as a tree. */
@Schema(name = "RecoveryWindow")
record RecoveryWindowSchema(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = "2026-11-28T00:00:00Z",
                description = "Inclusive; ISO-8601 with an offset")
        String since,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = "2026-11-28T12:00:00Z",
                description = "Exclusive; after since")
        String until) {
}
