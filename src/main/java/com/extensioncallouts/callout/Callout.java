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
        boolean active) {

    public boolean restrictedToUdf() {
        return udfName != null && !udfName.isBlank();
    }
}
