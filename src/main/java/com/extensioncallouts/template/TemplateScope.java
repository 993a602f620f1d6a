package com.extensioncallouts.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a body template can name: {@code ticket} (the ticket as it was posted, UDFs under
 * {@code ticket.udfs}), {@code udfs} (the same UDFs as a list of {@code {name, value}}, in posted order, for
 * {@code {{#udfs}}...{{/udfs}}}), {@code event} ({@code CREATED} or {@code EDITED}) and {@code callout}
 * ({@code id}, {@code name}).
 */
public final class TemplateScope {

    private TemplateScope() {
    }

    public static Map<String, Object> of(Map<String, Object> ticket, String event, Long calloutId,
            String calloutName) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("ticket", ticket == null ? Map.of() : ticket);
        scope.put("udfs", udfList(ticket));
        scope.put("event", event);
        Map<String, Object> callout = new LinkedHashMap<>();
        callout.put("id", calloutId);
        callout.put("name", calloutName);
        scope.put("callout", callout);
        return scope;
    }

    private static List<Map<String, Object>> udfList(Map<String, Object> ticket) {
        List<Map<String, Object>> list = new ArrayList<>();
        if (ticket != null && ticket.get("udfs") instanceof Map<?, ?> udfs) {
            udfs.forEach((name, value) -> {
                Map<String, Object> udf = new LinkedHashMap<>();
                udf.put("name", String.valueOf(name));
                udf.put("value", value);
                list.add(udf);
            });
        }
        return list;
    }
}
