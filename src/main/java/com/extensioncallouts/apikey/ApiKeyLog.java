package com.extensioncallouts.apikey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages about API keys (CALLOUT-12xxx). Never a key. */
final class ApiKeyLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.apikey");

    private ApiKeyLog() {
    }

    static void created(String name) {
        LOG.info("CALLOUT-12001 API key '{}' created", name);
    }

    static void revoked(long id) {
        LOG.info("CALLOUT-12002 API key {} revoked", id);
    }

    static void wrongKey(String source) {
        LOG.debug("CALLOUT-12003 Wrong API key from {}", source);
    }
}
