package com.extensioncallouts.template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The body templates' log lines (CALLOUT-18xxx). Never a rendered body: it carries ticket data. */
final class TemplateLog {

    private static final Logger LOG = LoggerFactory.getLogger("com.extensioncallouts.template");

    private TemplateLog() {
    }

    static void compiled(String contentType, int length) {
        LOG.debug("CALLOUT-18001 Body template compiled for {} ({} characters) and kept for the next deliveries",
                contentType, length);
    }

    static void previewRefused(String calloutName, String reason) {
        LOG.debug("CALLOUT-18002 Template preview (callout '{}') refused: {}", calloutName, reason);
    }

    static void previewed(String contentType, int length, String warning) {
        LOG.debug("CALLOUT-18003 Template preview rendered: {}, {} characters{}", contentType, length,
                warning == null ? "" : "; the body is not well-formed");
    }
}
