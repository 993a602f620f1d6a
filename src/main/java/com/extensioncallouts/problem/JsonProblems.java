package com.extensioncallouts.problem;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with an unreadable body in a client's terms: which field (as a JSON path such
 * as {@code notification.recipients}) has which wrong type, or that the body is missing or not JSON.
 */
final class JsonProblems {

    /**
     * Jackson quotes an unparsable value in its message, e.g. an unquoted token: that value may be a
     * password or token, and secrets are never answered (proxies and clients log error answers).
     */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("Unrecognized token '.*'(?=: was expecting)");

    private JsonProblems() {
    }

    static FieldProblem describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause == null) {
            return new FieldProblem("body", "A JSON request body is required.");
        }
        if (cause instanceof JsonParseException parse) {
            return new FieldProblem("body", "Not valid JSON: " + firstLine(parse.getOriginalMessage()) + " (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ").");
        }
        if (cause instanceof JsonMappingException mapping) {
            String field = path(mapping);
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new FieldProblem(field, "Must be " + kind(mismatch.getTargetType()) + ".");
            }
            return new FieldProblem(field, firstLine(mapping.getOriginalMessage()));
        }
        return new FieldProblem("body", firstLine(cause.getMessage()));
    }

    /** What a client has to send for a Java type, in JSON words. */
    static String kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "valid";
    }

    /** Field names joined with dots; array positions are left out, as in the API's field names. */
    private static String path(JsonMappingException e) {
        String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "Malformed body.";
        }
        String line = message.lines().findFirst().orElse(message);
        return QUOTED_TOKEN.matcher(line).replaceAll("Unrecognized token (a value must be quoted)");
    }
}
