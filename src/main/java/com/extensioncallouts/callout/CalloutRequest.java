package com.extensioncallouts.callout;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The JSON a client sends to {@code /api/callouts}. Read-only fields of a response ({@code id},
 * {@code workflowRuleCount}, {@code secretSet}) are ignored, so a client may send back what it read.
 * Options stay text here: a wrong one becomes a field problem from {@link CalloutValidator}.
 */
@JsonIgnoreProperties({ "id", "workflowRuleCount" })
record CalloutRequest(
        String name,
        String url,
        String method,
        String format,
        AuthenticationRequest authentication,
        String udfName,
        NotificationRequest notification,
        Boolean active,
        String template,
        String contentType) {

    @JsonIgnoreProperties({ "secretSet" })
    record AuthenticationRequest(String type, String username, String password, String token, String headerName,
            String headerValue) {
    }

    record NotificationRequest(List<String> recipients, String when) {
    }

    CalloutDraft toDraft() {
        AuthenticationRequest auth = authentication == null
                ? new AuthenticationRequest(null, null, null, null, null, null)
                : authentication;
        NotificationRequest notify = notification == null ? new NotificationRequest(null, null) : notification;
        return new CalloutDraft(name, url, method, format, auth.type(), auth.username(), auth.password(), auth.token(),
                auth.headerName(), auth.headerValue(), udfName, notify.recipients(), notify.when(), active, template,
                contentType);
    }
}
