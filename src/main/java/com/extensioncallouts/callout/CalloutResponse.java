package com.extensioncallouts.callout;

import java.util.List;

/** A callout as {@code /api/callouts} shows it: never its secret, only whether one is set. */
record CalloutResponse(
        long id,
        String name,
        String url,
        CalloutMethod method,
        DataFormat format,
        /** Format TEMPLATE only (else left out): the body's Mustache template and content type. */
        String template,
        String contentType,
        AuthenticationResponse authentication,
        String udfName,
        NotificationResponse notification,
        boolean active,
        int workflowRuleCount,
        /** Whether its requests are signed (Standard Webhooks); the secret itself is never shown again. */
        boolean signing) {

    record AuthenticationResponse(AuthenticationType type, String username, String headerName, boolean secretSet) {
    }

    record NotificationResponse(List<String> recipients, NotifyWhen when) {
    }

    static CalloutResponse of(Callout c, int workflowRuleCount, boolean signing) {
        Authentication auth = c.authentication();
        return new CalloutResponse(c.id(), c.name(), c.url(), c.method(), c.format(), c.template(), c.contentType(),
                new AuthenticationResponse(auth.type(), auth.username(), auth.headerName(), auth.secretSet()),
                c.udfName(), new NotificationResponse(c.notification().recipients(), c.notification().when()),
                c.active(), workflowRuleCount, signing);
    }
}
