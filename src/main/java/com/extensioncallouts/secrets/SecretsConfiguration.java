package com.extensioncallouts.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The key that seals secrets at rest. {@code callouts.secrets.key} wins; without it, the embedded default
 * (H2) creates a key file once, readable by its owner only. Any other database needs the property: each
 * node of a cluster would otherwise make a key of its own. A key that is not base64 of 32 bytes stops the
 * start, naming the property.
 */
@Configuration
class SecretsConfiguration {

    static final String KEY_PROPERTY = "callouts.secrets.key";

    @Bean
    SecretBox secretBox(SecretsProperties properties, Environment environment) throws IOException {
        byte[] key;
        if (properties.key() != null && !properties.key().isBlank()) {
            key = decode(properties.key().strip(), KEY_PROPERTY + " (CALLOUTS_SECRETS_KEY)");
        } else if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            key = keyFile(properties.keyFile());
        } else {
            throw new IllegalStateException(KEY_PROPERTY + " (CALLOUTS_SECRETS_KEY) is not set. Callout passwords, "
                    + "tokens, header values and signing secrets are stored sealed with it: set it to base64 of 32 "
                    + "random bytes (e.g. `openssl rand -base64 32`), the same on every node, and keep it safe: "
                    + "without it the stored secrets cannot be opened.");
        }
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    private static byte[] keyFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return decode(Files.readString(file).strip(), "the key file " + file.toAbsolutePath());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path written = Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        try {
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            written.toFile().setReadable(false, false);
            written.toFile().setReadable(true, true);
        }
        SecretsLog.keyFileCreated(file.toAbsolutePath());
        return key;
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64: it must be base64 of 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " holds " + key.length + " bytes; it must be base64 of exactly "
                    + "32 random bytes (e.g. `openssl rand -base64 32`)");
        }
        return key;
    }
}
