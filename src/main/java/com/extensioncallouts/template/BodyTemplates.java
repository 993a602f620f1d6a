package com.extensioncallouts.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.extensioncallouts.problem.FieldProblem;

/**
 * Body templates as callouts use them: checked when a callout is saved (a mistake is a problem on
 * {@code template} naming its line and column, or on {@code contentType}), compiled once per template and
 * content type for delivery, rendered for a preview.
 */
public final class BodyTemplates {

    public static final String TEMPLATE = "template";
    public static final String CONTENT_TYPE = "contentType";
    /** Column size of V8__callout_body_template.sql: longer must be a 400, not a database error. */
    public static final int MAX_TEMPLATE = 65536;
    private static final int MAX_CONTENT_TYPE = 255;
    private static final int CACHED = 256;

    /** Compiled templates by source and content type: a saved change is a new key, so never stale. */
    private final Map<String, BodyTemplate> compiled = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BodyTemplate> eldest) {
            return size() > CACHED;
        }
    };

    /**
     * Checks a template and its content type, adding what is wrong to {@code problems}; answers the compiled
     * template when both are right.
     */
    public static Optional<BodyTemplate> check(String template, String contentType, List<FieldProblem> problems) {
        Optional<BodyContentType> type = contentType(contentType, problems);
        if (template == null || template.isBlank()) {
            problems.add(new FieldProblem(TEMPLATE, "A template is required for format TEMPLATE."));
            return Optional.empty();
        }
        if (template.length() > MAX_TEMPLATE) {
            problems.add(new FieldProblem(TEMPLATE, "The template must be at most " + MAX_TEMPLATE
                    + " characters (it has " + template.length() + ")."));
            return Optional.empty();
        }
        try {
            // Without a valid content type, still report syntax mistakes (escaping as for JSON: the strictest)
            BodyTemplate compiled = BodyTemplate.compile(template,
                    type.orElse(new BodyContentType("application/json", BodyEscaping.JSON)));
            return type.map(t -> compiled);
        } catch (InvalidTemplateException e) {
            problems.add(new FieldProblem(TEMPLATE, e.error().describe()));
            return Optional.empty();
        }
    }

    /** The content type as stored and shown ({@code type/subtype}, lower case), or a problem. */
    static Optional<BodyContentType> contentType(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(CONTENT_TYPE, "A content type is required for format TEMPLATE: one of "
                    + String.join(", ", BodyContentType.OFFERED) + "."));
            return Optional.empty();
        }
        if (text.length() > MAX_CONTENT_TYPE) {
            problems.add(new FieldProblem(CONTENT_TYPE, "The content type must be at most " + MAX_CONTENT_TYPE
                    + " characters."));
            return Optional.empty();
        }
        StringBuilder problem = new StringBuilder();
        Optional<BodyContentType> type = BodyContentType.parse(text, problem);
        if (type.isEmpty()) {
            problems.add(new FieldProblem(CONTENT_TYPE, problem.toString()));
        }
        return type;
    }

    /** The normalised form of a content type a callout was saved with, e.g. {@code application/json}. */
    public static String normalisedContentType(String text) {
        return contentType(text, new ArrayList<>()).map(BodyContentType::mediaType).orElse(text);
    }

    /**
     * The compiled template of a saved callout: compiled on first use, then taken from memory.
     *
     * @throws IllegalStateException if it does not compile, which saving has ruled out
     */
    public BodyTemplate compiled(String template, String contentType) {
        String key = contentType + '\u0000' + template;
        synchronized (compiled) {
            BodyTemplate known = compiled.get(key);
            if (known != null) {
                return known;
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        BodyTemplate fresh = check(template, contentType, problems).orElseThrow(() -> new IllegalStateException(
                "a stored template does not compile: " + problems));
        TemplateLog.compiled(fresh.contentType().mediaType(), template.length());
        synchronized (compiled) {
            compiled.put(key, fresh);
        }
        return fresh;
    }
}
