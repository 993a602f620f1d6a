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
    private static final TypeReference<LinkedHashMap<String, Object>> TICKET_MAP = new TypeReference<>() { };

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
            parsed = JSON.readValue(value.toString(), TICKET_MAP);
        } catch (Exception e) {
            throw new IllegalArgumentException("The variable 'ticket' is not a JSON object", e);
        }
        if (parsed == null) { // the JSON text "null"
            throw new IllegalArgumentException("The variable 'ticket' is not a JSON object");
        }
        return parsed;
    }

    /** The ticket as JSON text, its fields in their order: what a delivery keeps. */
    static String toJson(Map<String, Object> ticket) {
        try {
            return JSON.writeValueAsString(ticket);
        } catch (Exception e) {
            // A map read from a JSON variable always writes back; this is a programming error
            throw new IllegalStateException("ticket cannot be written as JSON", e);
        }
    }

    /** A delivery's ticket back as a map, or an empty one if it has none. */
    static Map<String, Object> fromJson(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, TICKET_MAP);
        } catch (Exception e) {
            throw new IllegalStateException("stored ticket is not a JSON object", e);
        }
    }

    static String id(Map<String, Object> ticket) {
        Object id = ticket.get("id");
        return id == null ? null : id.toString();
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
