package com.extensioncallouts.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** What a secret reads as wherever a request or answer is shown or stored. */
    public static final String REDACTED = "[redacted]";

    public CalloutRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * Everything in the secret header an RMM might echo back, longest first, for redacting: the whole
     * value, the credentials after an {@code Authorization} scheme (a bearer token), and for Basic the
     * decoded password.
     */
    List<String> secretValues() {
        String value = secretHeader == null ? null : header(secretHeader);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>(List.of(value));
        int space = value.indexOf(' ');
        if ("Authorization".equalsIgnoreCase(secretHeader) && space > 0) {
            String credentials = value.substring(space + 1);
            secrets.add(credentials);
            if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                    secrets.add(decoded);
                    secrets.add(decoded.substring(decoded.indexOf(':') + 1));
                } catch (IllegalArgumentException notBase64) {
                    // we always encode it; nothing more to redact
                }
            }
        }
        secrets.removeIf(String::isEmpty);
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return secrets;
    }

    /** The same request with these headers added (after the others). */
    public CalloutRequest withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new CalloutRequest(method, url, all, contentType, body, secretHeader);
    }

    /** The headers as they may be shown or stored: the one carrying the secret reads {@value #REDACTED}. */
    public Map<String, String> redactedHeaders() {
        Map<String, String> shown = new LinkedHashMap<>(headers);
        if (secretHeader != null) {
            shown.replaceAll((name, value) -> name.equalsIgnoreCase(secretHeader) ? REDACTED : value);
        }
        return shown;
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
