package com.extensioncallouts;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration under {@code callouts.*}. Defaults follow the service desk this product is
 * modelled on: resend every 60 seconds, up to 10 more times.
 */
@ConfigurationProperties("callouts")
public record CalloutsProperties(
        @DefaultValue Retry retry,
        @DefaultValue Http http,
        @DefaultValue Mail mail,
        @DefaultValue Cache cache,
        /** Base address of this application as users reach it; used for links to Cockpit in e-mails. */
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    public record Retry(
            @DefaultValue("PT60S") Duration interval,
            @DefaultValue("10") int maxRetries) {
    }

    public record Http(
            @DefaultValue("PT30S") Duration timeout) {
    }

    /**
     * How long this node may keep what it read (callouts, verified passwords) before reading it again. A
     * change made on this node is seen at once; one made on another node of a cluster within this time.
     */
    public record Cache(
            @DefaultValue("PT5S") Duration callouts,
            @DefaultValue("PT30S") Duration verifiedCredentials) {
    }

    public record Mail(
            @DefaultValue("callouts@localhost") String from) {
    }
}
