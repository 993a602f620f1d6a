package com.extensioncallouts.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * A compiled body template: immutable, and safe to render from many threads at once. Values are escaped for
 * the content type ({@link BodyEscaping}); a missing or null value renders as nothing; only maps and lists are
 * looked into (no reflection on the values, so a template cannot call methods of what it is given).
 */
public final class BodyTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JMUSTACHE_LINE = Pattern.compile("(.*?)\\s*@ line (\\d+)\\s*$", Pattern.DOTALL);
    private static final Mustache.Collector MAPS_AND_LISTS = new BasicCollector() {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    };

    private final String source;
    private final BodyContentType contentType;
    private final Template template;

    private BodyTemplate(String source, BodyContentType contentType, Template template) {
        this.source = source;
        this.contentType = contentType;
        this.template = template;
    }

    /**
     * Compiles a template for a content type.
     *
     * @throws InvalidTemplateException naming the line and column of the first mistake
     */
    static BodyTemplate compile(String source, BodyContentType contentType) {
        TemplateSyntax.check(source, contentType.escaping()).ifPresent(error -> {
            throw new InvalidTemplateException(error);
        });
        Mustache.Compiler compiler = Mustache.compiler()
                .withEscaper(contentType.escaping())
                .withFormatter(BodyTemplate::text)
                .withCollector(MAPS_AND_LISTS)
                .defaultValue("");
        try {
            return new BodyTemplate(source, contentType, compiler.compile(source));
        } catch (MustacheException | IndexOutOfBoundsException e) {
            // TemplateSyntax finds what JMustache refuses; should it ever miss something, JMustache still says so
            throw new InvalidTemplateException(fromJMustache(e));
        }
    }

    public BodyContentType contentType() {
        return contentType;
    }

    public String source() {
        return source;
    }

    /** The body for this scope ({@link TemplateScope}). */
    public String render(Map<String, Object> scope) {
        return template.execute(scope);
    }

    /** Text for a value: decimals without exponent, nested maps and lists as JSON, as they were posted. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return value.toString();
    }

    private static TemplateError fromJMustache(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher matcher = JMUSTACHE_LINE.matcher(message);
        if (matcher.matches()) {
            return new TemplateError(Integer.parseInt(matcher.group(2)), 1, matcher.group(1) + ".");
        }
        return new TemplateError(1, 1, "The template cannot be compiled: " + message);
    }
}
