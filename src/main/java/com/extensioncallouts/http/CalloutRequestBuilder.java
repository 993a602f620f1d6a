package com.extensioncallouts.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.extensioncallouts.callout.Authentication;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutMethod;
import com.extensioncallouts.template.BodyTemplate;
import com.extensioncallouts.template.BodyTemplates;
import com.extensioncallouts.template.TemplateScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a callout and a ticket into the request api.md describes ("The request sent to the RMM").
 * Pure: no I/O, no clock, no randomness; the caller passes the attempt number and idempotency key.
 *
 * <p>Nested ticket fields other than {@code udfs} are rare; they are rendered so that nothing is lost:
 * in XML as nested elements, in name/value pairs flattened with dots ({@code contact.email=...}),
 * lists as repeated elements or pairs. See {@link XmlTicketWriter} and {@link TicketPairs}. Format TEMPLATE
 * renders the callout's own template ({@code template/}), values escaped for its content type.
 */
public final class CalloutRequestBuilder {

    public static final String XML_CONTENT_TYPE = "application/xml; charset=UTF-8";
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
    public static final String JSON_CONTENT_TYPE = "application/json";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String ATTEMPT = "X-Callout-Attempt";
    static final String AUTHORIZATION = "Authorization";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String userAgent;
    /** Compiled once per template and content type, not on every request. */
    private final BodyTemplates templates = new BodyTemplates();

    public CalloutRequestBuilder(String userAgent) {
        this.userAgent = userAgent;
    }

    public CalloutRequest build(Callout callout, Map<String, Object> ticket, String event, int attempt,
            String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        String secretHeader = addAuthentication(headers, callout.authentication());
        headers.put(IDEMPOTENCY_KEY, idempotencyKey);
        headers.put(ATTEMPT, Integer.toString(attempt));
        headers.put("User-Agent", userAgent);

        if (callout.method() == CalloutMethod.GET) {
            String query = TicketPairs.of(ticket, event).toQueryString();
            return new CalloutRequest(CalloutMethod.GET, appendQuery(callout.url(), query), headers, null, null,
                    secretHeader);
        }
        return switch (callout.format()) {
            case XML -> new CalloutRequest(CalloutMethod.POST, callout.url(), headers, XML_CONTENT_TYPE,
                    XmlTicketWriter.write(ticket), secretHeader);
            case NAME_VALUE -> new CalloutRequest(CalloutMethod.POST, callout.url(), headers, FORM_CONTENT_TYPE,
                    TicketPairs.of(ticket, event).toQueryString(), secretHeader);
            case JSON -> new CalloutRequest(CalloutMethod.POST, callout.url(), headers, JSON_CONTENT_TYPE,
                    json(ticket, event), secretHeader);
            case TEMPLATE -> {
                BodyTemplate template = templates.compiled(callout.template(), callout.contentType());
                yield new CalloutRequest(CalloutMethod.POST, callout.url(), headers,
                        template.contentType().headerValue(),
                        template.render(TemplateScope.of(ticket, event, callout.id(), callout.name())), secretHeader);
            }
        };
    }

    /** Adds the authentication header, if any, and returns its name. */
    private static String addAuthentication(Map<String, String> headers, Authentication auth) {
        if (auth == null || auth.type() == null) {
            return null;
        }
        String secret = auth.secret() == null ? "" : auth.secret();
        return switch (auth.type()) {
            case NONE -> null;
            case BASIC -> {
                String user = auth.username() == null ? "" : auth.username();
                headers.put(AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
                yield AUTHORIZATION;
            }
            case BEARER -> {
                headers.put(AUTHORIZATION, "Bearer " + secret);
                yield AUTHORIZATION;
            }
            case HEADER -> {
                if (auth.headerName() == null || auth.headerName().isBlank()) {
                    yield null;
                }
                headers.put(auth.headerName().trim(), secret);
                yield auth.headerName().trim();
            }
        };
    }

    /** Appends to an existing query string, keeping a fragment (which HTTP never sends) at the end. */
    static String appendQuery(String url, String query) {
        if (query.isEmpty()) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + query + fragment;
    }

    private static String json(Map<String, Object> ticket, String event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("ticket", ticket);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // A ticket map read from a JSON variable always writes back; this is a programming error
            throw new IllegalStateException("ticket cannot be written as JSON", e);
        }
    }

    /** Text for a scalar ticket value, the same in XML and in name/value pairs. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return new java.math.BigDecimal(value.toString()).toPlainString();
        }
        return value.toString();
    }

    static boolean isNested(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }
}
