package com.extensioncallouts.secrets;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key that seals secrets at rest comes from ({@code callouts.secrets.*}): {@code key}, base64 of
 * 32 bytes (an environment variable in production, the same on every node), or on the embedded default a
 * key file created once at {@code keyFile}.
 */
@ConfigurationProperties("callouts.secrets")
public record SecretsProperties(
        String key,
        @DefaultValue("./data/secrets.key") Path keyFile) {
}
