package com.extensioncallouts.apidoc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.extensioncallouts.callout.AuthenticationType;
import com.extensioncallouts.callout.CalloutMethod;
import com.extensioncallouts.callout.DataFormat;
import com.extensioncallouts.callout.NotifyWhen;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

/**
 * What a client sends to {@code /api/callouts} takes options as text (case ignored, so that a wrong one is a
 * field problem rather than an unreadable body); the description lists the options from the enums themselves.
 */
final class CalloutSchemas {

    private CalloutSchemas() {
    }

    static void describe(Components components) {
        Map<String, Schema> schemas = components.getSchemas();
        if (schemas == null || !schemas.containsKey("CalloutRequest")) {
            return;
        }
        Schema<?> callout = schemas.get("CalloutRequest");
        callout.setRequired(List.of("name", "url", "notification"));
        describe(callout, "name", "Unique (case ignored), 1-100 characters", null);
        describe(callout, "url", "Absolute http or https URL, no user info, at most 2048 characters", null);
        describe(callout, "method", "Default POST (case ignored)", CalloutMethod.values());
        describe(callout, "format", "Default XML (case ignored)", DataFormat.values());
        describe(callout, "udfName", "Only tickets with a non-blank value in this user-defined field trigger the "
                + "callout", null);
        describe(callout, "active", "Default true; omitted on PUT: unchanged", null);
        Schema<?> authentication = schemas.get("AuthenticationRequest");
        if (authentication != null) {
            describe(authentication, "type", "Default NONE (case ignored)", AuthenticationType.values());
            for (String secret : List.of("password", "token", "headerValue")) {
                describe(authentication, secret, "Write-only: never answered (see secretSet); omitted on PUT, the "
                        + "stored one is kept", null);
                Schema<?> property = authentication.getProperties().get(secret);
                if (property != null) {
                    property.setWriteOnly(true);
                }
            }
        }
        Schema<?> notification = schemas.get("NotificationRequest");
        if (notification != null) {
            notification.setRequired(List.of("recipients"));
            describe(notification, "recipients", "At least one e-mail address", null);
            describe(notification, "when", "Default ON_ERROR (case ignored)", NotifyWhen.values());
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static void describe(Schema<?> schema, String field, String description, Enum<?>[] options) {
        Schema property = schema.getProperties() == null ? null : schema.getProperties().get(field);
        if (property == null) {
            return;
        }
        property.setDescription(description);
        if (options != null) {
            property.setEnum(Arrays.stream(options).map(Enum::name).toList());
        }
    }
}
