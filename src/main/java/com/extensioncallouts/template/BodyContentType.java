package com.extensioncallouts.template;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content type of a templated body, and with it the escaping of its values. Accepted: JSON
 * ({@code application/json} and any {@code application/*+json}), XML ({@code application/xml},
 * {@code text/xml}, any {@code application/*+xml}), {@code text/plain} and
 * {@code application/x-www-form-urlencoded}. Anything else is refused: no escaping we could pick would keep
 * its body intact. The body is always UTF-8; a {@code charset} parameter may say so and nothing else.
 *
 * @param mediaType {@code type/subtype}, lower case, without parameters: what is stored and shown
 */
public record BodyContentType(String mediaType, BodyEscaping escaping) {

    /** What a client may choose from, as the page offers it and as problems name it. */
    public static final List<String> OFFERED = List.of("application/json", "application/xml", "text/xml",
            "text/plain", "application/x-www-form-urlencoded");

    private static final Pattern JSON_SUFFIX = Pattern.compile("application/[a-z0-9!#$&^_.-]+\\+json");
    private static final Pattern XML_SUFFIX = Pattern.compile("application/[a-z0-9!#$&^_.-]+\\+xml");

    /** The value of the {@code Content-Type} header: text types say their charset; JSON and forms have none. */
    public String headerValue() {
        return escaping == BodyEscaping.XML || escaping == BodyEscaping.NONE ? mediaType + "; charset=UTF-8"
                : mediaType;
    }

    /**
     * The content type this text names, or empty with the reason in {@code problem}: unknown, or a charset
     * other than UTF-8.
     */
    static Optional<BodyContentType> parse(String text, StringBuilder problem) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().replace(" ", "");
            if (!parameter.isEmpty() && !parameter.equals("charset=utf-8") && !parameter.equals("charset=\"utf-8\"")) {
                problem.append("Bodies are sent as UTF-8: leave out '").append(parts[i].trim())
                        .append("' (only charset=UTF-8 may be given).");
                return Optional.empty();
            }
        }
        BodyEscaping escaping = escapingOf(type);
        if (escaping == null) {
            problem.append("'").append(excerpt(text.trim())).append("' is not a content type a template can have: use ")
                    .append(String.join(", ", OFFERED)).append(" (or application/…+json, application/…+xml).");
            return Optional.empty();
        }
        return Optional.of(new BodyContentType(type, escaping));
    }

    private static BodyEscaping escapingOf(String type) {
        return switch (type) {
            case "application/json" -> BodyEscaping.JSON;
            case "application/xml", "text/xml" -> BodyEscaping.XML;
            case "text/plain" -> BodyEscaping.NONE;
            case "application/x-www-form-urlencoded" -> BodyEscaping.FORM;
            default -> JSON_SUFFIX.matcher(type).matches() ? BodyEscaping.JSON
                    : XML_SUFFIX.matcher(type).matches() ? BodyEscaping.XML : null;
        };
    }

    private static String excerpt(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
