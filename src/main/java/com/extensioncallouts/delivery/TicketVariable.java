package com.extensioncallouts.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the {@code ticket} variable as a map, whichever way a caller stored it: the Spin JSON map
 * api.md describes, or (from hand-made rules) a JSON string or Spin JSON node.
 */
final class TicketVariable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketVariable() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(VariableScope scope) {
        Object value = scope.getVariable(CalloutVariables.TICKET);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> parsed;
        try {
            parsed = JSON.readValue(value.toString(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("The variable 'ticket' is not a JSON object", e);
        }
        if (parsed == null) { // the JSON text "null"
            throw new IllegalArgumentException("The variable 'ticket' is not a JSON object");
        }
        return parsed;
    }

    static String number(Map<String, Object> ticket) {
        Object number = ticket.get("number");
        return number == null ? "(no number)" : number.toString();
    }

    /** The ticket's value in a user-defined field, or null. */
    static String udf(Map<String, Object> ticket, String udfName) {
        if (ticket.get("udfs") instanceof Map<?, ?> udfs) {
            Object value = udfs.get(udfName);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
