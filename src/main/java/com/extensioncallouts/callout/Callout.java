package com.extensioncallouts.callout;

/**
 * One extension callout: where and how to tell an RMM that a ticket changed.
 * Carries its secret; never serialise it to a client or a process variable.
 */
public record Callout(
        Long id,
        String name,
        String url,
        CalloutMethod method,
        DataFormat format,
        Authentication authentication,
        String udfName,
        Notification notification,
        boolean active,
        /** The body template (Mustache) of format TEMPLATE, else {@code null}. */
        String template,
        /** The body's content type with format TEMPLATE ({@code type/subtype}), else {@code null}. */
        String contentType) {

    /** A callout without a body template. */
    public Callout(Long id, String name, String url, CalloutMethod method, DataFormat format,
            Authentication authentication, String udfName, Notification notification, boolean active) {
        this(id, name, url, method, format, authentication, udfName, notification, active, null, null);
    }

    /** The same callout, active or not. */
    public Callout withActive(boolean active) {
        return new Callout(id, name, url, method, format, authentication, udfName, notification, active, template,
                contentType);
    }

    public boolean restrictedToUdf() {
        return udfName != null && !udfName.isBlank();
    }
}
