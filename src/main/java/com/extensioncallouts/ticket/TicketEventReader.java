package com.extensioncallouts.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a ticket event against the contract and reports every broken field at once. Only
 * {@code id}, {@code number} and {@code udfs} are checked; every other ticket field is kept as
 * sent, because rules and callout formats may use fields this application has never heard of.
 */
@Component
class TicketEventReader {

    private static final TypeReference<LinkedHashMap<String, Object>> TICKET_MAP = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;

    TicketEventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    TicketEvent read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new FieldProblem("body", "must be a JSON object")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        TicketEventType type = eventType(body.get("event"), problems);
        JsonNode ticket = body.get("ticket");
        if (isMissing(ticket)) {
            problems.add(new FieldProblem("ticket", "is required"));
        } else if (!ticket.isObject()) {
            problems.add(new FieldProblem("ticket", "must be an object"));
        } else {
            checkTicket(ticket, problems);
        }
        if (!problems.isEmpty()) {
            TicketLog.invalid(problems.size());
            throw new InvalidInputException(problems);
        }
        // Jackson reads JSON objects into LinkedHashMaps: the ticket keeps its field order
        Map<String, Object> fields = objectMapper.convertValue(ticket, TICKET_MAP);
        return new TicketEvent(type, fields);
    }

    private static TicketEventType eventType(JsonNode event, List<FieldProblem> problems) {
        if (isMissing(event)) {
            problems.add(new FieldProblem("event", "is required"));
            return null;
        }
        for (TicketEventType type : TicketEventType.values()) {
            if (event.isTextual() && type.name().equals(event.textValue())) {
                return type;
            }
        }
        problems.add(new FieldProblem("event", "must be CREATED or EDITED"));
        return null;
    }

    private static void checkTicket(JsonNode ticket, List<FieldProblem> problems) {
        JsonNode id = ticket.get("id");
        if (isMissing(id)) {
            problems.add(new FieldProblem("ticket.id", "is required"));
        } else if (!(id.isNumber() || isNonBlankText(id))) {
            problems.add(new FieldProblem("ticket.id", "must be a number or a non-blank string"));
        }
        JsonNode number = ticket.get("number");
        if (isMissing(number)) {
            problems.add(new FieldProblem("ticket.number", "is required"));
        } else if (!isNonBlankText(number)) {
            problems.add(new FieldProblem("ticket.number", "must be a non-blank string"));
        }
        JsonNode udfs = ticket.get("udfs");
        if (udfs == null) {
            return;
        }
        if (!udfs.isObject()) {
            problems.add(new FieldProblem("ticket.udfs", "must be an object of string values"));
            return;
        }
        udfs.properties().forEach(udf -> {
            if (!udf.getValue().isTextual()) {
                problems.add(new FieldProblem("ticket.udfs." + udf.getKey(), "must be a string"));
            }
        });
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull();
    }

    private static boolean isNonBlankText(JsonNode node) {
        return node.isTextual() && !node.textValue().isBlank();
    }
}
