package com.extensioncallouts.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads a template's tags the way JMustache does, to say where a mistake is: JMustache names only the line,
 * accepts a tag that is never closed as plain text, and fails on an empty tag without saying where. Also
 * refuses what a callout's template must not use: partials, parents and blocks (a template stands alone), and
 * unescaped values ({@code {{{x}}}}, {@code {{&x}}}) where the content type needs escaping.
 */
final class TemplateSyntax {

    private record Open(String name, int line, int column) {
    }

    private final String source;
    private final BodyEscaping escaping;
    private final Deque<Open> sections = new ArrayDeque<>();
    private String start = "{{";
    private String end = "}}";
    private int position;
    private int line = 1;
    private int column = 1;

    private TemplateSyntax(String source, BodyEscaping escaping) {
        this.source = source;
        this.escaping = escaping;
    }

    /** The first mistake in the template, if any. */
    static Optional<TemplateError> check(String source, BodyEscaping escaping) {
        return Optional.ofNullable(new TemplateSyntax(source, escaping).firstError());
    }

    private TemplateError firstError() {
        int at;
        while ((at = source.indexOf(start, position)) >= 0) {
            moveTo(at);
            int tagLine = line;
            int tagColumn = column;
            int contentStart = at + start.length();
            boolean triple = start.equals("{{") && end.equals("}}") && source.startsWith("{", contentStart);
            int close = source.indexOf(end, contentStart);
            if (close < 0) {
                return new TemplateError(tagLine, tagColumn, "'" + start + "' opens a tag that is never closed with '"
                        + end + "'.");
            }
            String raw = source.substring(contentStart + (triple ? 1 : 0), close);
            int after = close + end.length();
            if (triple) {
                if (!source.startsWith("}", after)) {
                    return new TemplateError(tagLine, tagColumn, "'{{{' must be closed with '}}}'.");
                }
                after++;
            }
            if (!raw.startsWith("!") && raw.indexOf(start.charAt(0)) >= 0) {
                // JMustache would start a new tag there and send this one as text
                return new TemplateError(tagLine, tagColumn, "'" + start + "' opens a tag that is not closed before"
                        + " the next '" + start.charAt(0) + "'.");
            }
            TemplateError error = tag(raw, triple, tagLine, tagColumn);
            if (error != null) {
                return error;
            }
            moveTo(after);
        }
        if (!sections.isEmpty()) {
            Open open = sections.peek();
            return new TemplateError(open.line(), open.column(), "The section '" + open.name()
                    + "' is never closed: add " + start + "/" + open.name() + end + ".");
        }
        return null;
    }

    private TemplateError tag(String raw, boolean triple, int tagLine, int tagColumn) {
        String tag = raw.trim();
        if (tag.isEmpty()) {
            return new TemplateError(tagLine, tagColumn, "An empty tag: write a name between '" + start + "' and '"
                    + end + "', such as " + start + "ticket.title" + end + ".");
        }
        char type = triple ? '&' : tag.charAt(0);
        String name = triple ? tag : tag.substring(1).trim();
        if (type == '!') {
            return null;
        }
        if (type == '=') {
            return delimiters(raw, tagLine, tagColumn);
        }
        if (tag.indexOf('\n') >= 0 || tag.indexOf('\r') >= 0) {
            return new TemplateError(tagLine, tagColumn, "A tag must not span lines.");
        }
        switch (type) {
            case '#', '^' -> {
                if (name.isEmpty()) {
                    return new TemplateError(tagLine, tagColumn, "A section needs a name, such as " + start
                            + "#ticket.udfs" + end + ".");
                }
                sections.push(new Open(name, tagLine, tagColumn));
                return null;
            }
            case '/' -> {
                Open open = sections.poll();
                if (open == null) {
                    return new TemplateError(tagLine, tagColumn, start + "/" + name + end + " closes no open section.");
                }
                if (!open.name().equals(name)) {
                    return new TemplateError(tagLine, tagColumn, start + "/" + name + end + " does not close the section '"
                            + open.name() + "' opened at line " + open.line() + ", column " + open.column()
                            + ": close that first with " + start + "/" + open.name() + end + ".");
                }
                return null;
            }
            case '>', '<', '$' -> {
                return new TemplateError(tagLine, tagColumn, "Partials, parents and blocks (" + start + type + name + end
                        + ") are not supported: a callout's template stands alone.");
            }
            case '&' -> {
                if (escaping != BodyEscaping.NONE) {
                    return new TemplateError(tagLine, tagColumn, (triple ? "{{{" + name + "}}}" : start + "&" + name + end)
                            + " would insert the value unescaped, and a quote or '<' in a ticket would break the body:"
                            + " write " + start + name + end + ", which escapes it for the content type.");
                }
                return name.isEmpty() ? new TemplateError(tagLine, tagColumn, "A tag needs a name.") : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code {{=<% %>=}}}: exactly as JMustache takes it, two delimiters of one or two characters. */
    private TemplateError delimiters(String raw, int tagLine, int tagColumn) {
        String[] parts = raw.length() >= 2 && raw.startsWith("=") && raw.endsWith("=")
                ? raw.substring(1, raw.length() - 1).split(" ", -1) : new String[0];
        if (parts.length != 2 || !fits(parts[0]) || !fits(parts[1])) {
            return new TemplateError(tagLine, tagColumn, "Change delimiters as " + start + "=<% %>=" + end
                    + ": two delimiters of one or two characters, one space between them.");
        }
        start = parts[0];
        end = parts[1];
        return null;
    }

    private static boolean fits(String delimiter) {
        return !delimiter.isEmpty() && delimiter.length() <= 2 && delimiter.chars().noneMatch(Character::isWhitespace);
    }

    /** Moves to {@code target}, counting lines and columns (a surrogate pair is one column). */
    private void moveTo(int target) {
        while (position < target) {
            char c = source.charAt(position++);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) || position < 2
                    || !Character.isHighSurrogate(source.charAt(position - 2))) {
                column++;
            }
        }
    }
}
