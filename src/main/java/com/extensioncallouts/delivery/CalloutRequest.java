package com.extensioncallouts.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.extensioncallouts.callout.CalloutMethod;

/**
 * One HTTP request to an RMM, exactly as it goes on the wire. {@code contentType} and {@code body}
 * are {@code null} for GET. Headers include the authentication header: never log them, which is
 * why {@link #toString()} names them only.
 */
public record CalloutRequest(
        CalloutMethod method,
        String url,
        Map<String, String> headers,
        String contentType,
        String body,
        /** The header that carries the secret (Authorization or the custom one), or null. */
        String secretHeader) {

    public CalloutRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The secret header's value, for redacting it from anything the RMM echoes back. */
    String secretHeaderValue() {
        return secretHeader == null ? null : header(secretHeader);
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "CalloutRequest[" + method + " " + url + ", headers=" + headers.keySet()
                + ", contentType=" + contentType + ", body=" + (body == null ? 0 : body.length()) + " chars]";
    }
}
