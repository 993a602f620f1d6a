package com.extensioncallouts.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A ticket as name/value pairs (api.md, NAME_VALUE): {@code event} first, then one pair per top-level
 * field in the ticket's order, each UDF as {@code udf:<name>}. Nested objects are flattened with dots
 * ({@code contact.email}); a list repeats its name once per element.
 */
record TicketPairs(List<Map.Entry<String, String>> pairs) {

    static final String UDFS = "udfs";

    static TicketPairs of(Map<String, Object> ticket, String event) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (event != null) {
            pairs.add(Map.entry("event", event));
        }
        if (ticket != null) {
            ticket.forEach((name, value) -> {
                if (UDFS.equals(name) && value instanceof Map<?, ?> udfs) {
                    udfs.forEach((udf, udfValue) -> pairs.add(
                            Map.entry("udf:" + udf, CalloutRequestBuilder.text(udfValue))));
                } else {
                    add(pairs, name, value);
                }
            });
        }
        return new TicketPairs(List.copyOf(pairs));
    }

    private static void add(List<Map.Entry<String, String>> pairs, String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> add(pairs, name + "." + key, nested));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> add(pairs, name, element));
        } else {
            pairs.add(Map.entry(name, CalloutRequestBuilder.text(value)));
        }
    }

    /** {@code application/x-www-form-urlencoded}, UTF-8: the body of a POST and the query of a GET. */
    String toQueryString() {
        return pairs.stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
