package com.extensioncallouts.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** The made-up ticket of the page's "Send test" and of template previews. */
public final class SampleTicket {

    public static final String EVENT = "EDITED";
    public static final String DEFAULT_UDF = "RMM Alert ID";

    private SampleTicket() {
    }

    /** A completed ticket with a value in this UDF (or in "RMM Alert ID" when none is named). */
    public static Map<String, Object> of(String udfName) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", 0);
        ticket.put("number", "T00000000.0000");
        ticket.put("title", "Extension callout test");
        ticket.put("status", "Complete");
        ticket.put("priority", "Medium");
        ticket.put("queue", "Test");
        ticket.put("udfs", Map.of(udfName == null || udfName.isBlank() ? DEFAULT_UDF : udfName.trim(), "test"));
        return ticket;
    }
}
