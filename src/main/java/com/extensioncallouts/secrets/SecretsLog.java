package com.extensioncallouts.secrets;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Numbered log messages about sealed secrets (CALLOUT-10xxx). Never a secret, never the key. */
final class SecretsLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.secrets");

    private SecretsLog() {
    }

    static void keyFileCreated(Path file) {
        LOG.warn("CALLOUT-10001 Created the key that seals stored secrets at {} (readable by its owner only). Back it "
                + "up with the database: without it the stored secrets cannot be opened.", file);
    }

    static void sealed(int secrets) {
        LOG.info("CALLOUT-10002 Sealed {} callout secret(s) stored in clear text by an earlier version", secrets);
    }
}
