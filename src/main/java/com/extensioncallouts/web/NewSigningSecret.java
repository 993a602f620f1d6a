package com.extensioncallouts.web;

import java.io.Serializable;

/**
 * A signing secret just generated on the page, carried across the redirect as a flash attribute: it lives in
 * the session only until the page that shows it once is rendered, and never in a URL or a log line.
 */
record NewSigningSecret(String secret, boolean rotated) implements Serializable {

    static final String ATTRIBUTE = "newSigningSecret";

    @Override
    public String toString() {
        return "NewSigningSecret[secret=[redacted], rotated=" + rotated + "]";
    }
}
