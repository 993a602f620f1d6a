package com.extensioncallouts.callout;

import java.util.List;

/**
 * A callout as a client or the management page submits it, before validation: enum values are
 * still text so that a wrong one becomes a field error, not an unreadable body. A {@code null}
 * secret on update keeps the stored one.
 */
public record CalloutDraft(
        String name,
        String url,
        String method,
        String format,
        String authenticationType,
        String username,
        String password,
        String token,
        String headerName,
        String headerValue,
        String udfName,
        List<String> recipients,
        String notifyWhen,
        Boolean active,
        /** Format TEMPLATE only: the Mustache template of the body. */
        String template,
        /** Format TEMPLATE only: the body's content type. */
        String contentType) {

    /** A draft without a body template. */
    public CalloutDraft(String name, String url, String method, String format, String authenticationType,
            String username, String password, String token, String headerName, String headerValue, String udfName,
            List<String> recipients, String notifyWhen, Boolean active) {
        this(name, url, method, format, authenticationType, username, password, token, headerName, headerValue,
                udfName, recipients, notifyWhen, active, null, null);
    }
}
