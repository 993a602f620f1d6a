package com.extensioncallouts.template;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.samskivert.mustache.Mustache;

/**
 * How a value is escaped where a template says {@code {{name}}}, by the content type of the body: whatever a
 * ticket holds (quotes, markup, control characters, emoji, 100 KiB), the body stays what its content type says.
 */
public enum BodyEscaping implements Mustache.Escaper {

    /** The inside of a JSON string (RFC 8259): the template writes the quotes, {@code "{{ticket.title}}"}. */
    JSON {
        @Override
        public String escape(String raw) {
            StringBuilder out = new StringBuilder(raw.length() + 16);
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        // Control characters must be escaped; U+2028/2029 too, for receivers that eval JavaScript;
                        // a lone surrogate has no UTF-8 form, escaped it survives the trip
                        boolean paired = Character.isHighSurrogate(c) && i + 1 < raw.length()
                                && Character.isLowSurrogate(raw.charAt(i + 1));
                        if (paired) {
                            out.append(c).append(raw.charAt(++i));
                        } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029'
                                || Character.isSurrogate(c)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    },

    /**
     * Text or an attribute value in XML 1.0: markup escaped; tab, line feed and carriage return as references, so
     * that a parser's line-end and attribute normalisation gives them back unchanged; the characters XML 1.0
     * cannot carry at all (other control characters, lone surrogates) left out, since no parser would accept them
     * even as references.
     */
    XML {
        @Override
        public String escape(String raw) {
            StringBuilder out = new StringBuilder(raw.length() + 16);
            raw.codePoints().forEach(c -> {
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&apos;");
                    case '\t' -> out.append("&#9;");
                    case '\n' -> out.append("&#10;");
                    case '\r' -> out.append("&#13;");
                    default -> {
                        if ((c >= 0x20 && c <= 0xD7FF)
                                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                            out.appendCodePoint(c);
                        }
                    }
                }
            });
            return out.toString();
        }
    },

    /** A name or value of {@code application/x-www-form-urlencoded}, UTF-8: {@code note={{ticket.title}}}. */
    FORM {
        @Override
        public String escape(String raw) {
            return URLEncoder.encode(raw, StandardCharsets.UTF_8);
        }
    },

    /** {@code text/plain}: the value as it is. */
    NONE {
        @Override
        public String escape(String raw) {
            return raw;
        }
    }
}
