package com.extensioncallouts.callout;

/**
 * How the RMM wants us to authenticate. {@code secret} is the password (BASIC), token (BEARER)
 * or header value (HEADER); it is write-only towards clients.
 */
public record Authentication(AuthenticationType type, String username, String headerName, String secret) {

    public static final Authentication NONE = new Authentication(AuthenticationType.NONE, null, null, null);

    public boolean secretSet() {
        return secret != null && !secret.isEmpty();
    }

    @Override
    public String toString() {
        return "Authentication[type=" + type + ", username=" + username + ", headerName=" + headerName
                + ", secret=" + (secretSet() ? "****" : "none") + "]";
    }
}
