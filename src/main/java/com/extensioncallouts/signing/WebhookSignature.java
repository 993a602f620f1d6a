package com.extensioncallouts.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks v1 (https://www.standardwebhooks.com): {@code webhook-id}, {@code webhook-timestamp}
 * (seconds) and {@code webhook-signature}, {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body} with
 * each secret, separated by spaces while a rotated-out secret still signs.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The three headers for one attempt; {@code body} is empty for a GET. */
    public static Map<String, String> headers(String messageId, long epochSeconds, String body, List<byte[]> keys) {
        String signed = messageId + "." + epochSeconds + "." + (body == null ? "" : body);
        StringJoiner signatures = new StringJoiner(" ");
        for (byte[] key : keys) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(epochSeconds));
        headers.put(SIGNATURE, signatures.toString());
        return headers;
    }

    /** The key bytes of a {@code whsec_} secret. */
    static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
