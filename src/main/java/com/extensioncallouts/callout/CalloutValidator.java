package com.extensioncallouts.callout;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.extensioncallouts.network.NetworkGuard;
import com.extensioncallouts.problem.FieldProblem;
import com.extensioncallouts.problem.InvalidInputException;
import com.extensioncallouts.template.BodyTemplates;

/**
 * The rules a callout follows, one place for the REST API and the management page. Every field is
 * checked before failing, so a client (or a form) sees all its mistakes at once. Field names are
 * the JSON paths of {@code /api/callouts}. Name uniqueness needs the database and is the
 * service's job.
 */
public final class CalloutValidator {

    /** Shown by the management page beside the recipient list, hence its wording. */
    public static final String RECIPIENTS_REQUIRED = "Select at least one recipient on the Notification tab.";

    static final int MAX_NAME = 100;
    // Column sizes of V1__callout.sql: longer values must be a 400, not a database error
    static final int MAX_URL = 2048;
    static final int MAX_TEXT = 255;
    static final int MAX_SECRET = 4096;
    static final int MAX_RECIPIENTS_TEXT = 4096;

    private static final String GET_HAS_NO_BODY = "GET callouts do not take templates: a GET request has no body,"
            + " it carries the ticket in its query string.";

    /** RFC 9110 token: what an HTTP header name may consist of. */
    private static final Pattern HEADER_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    /** The WHATWG rule behind {@code <input type="email">}, so the page and the API agree. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]"
            + "(?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    /** Headers the HTTP client or the delivery sets itself; an authentication header must not replace them. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "expect", "upgrade", "idempotency-key", "x-callout-attempt");

    private CalloutValidator() {
    }

    /**
     * The callout a draft describes, with defaults filled in.
     *
     * @param stored the callout the draft replaces, or {@code null} for a new one: it supplies the id,
     *               the secret kept when the draft omits it (only for the same authentication type)
     *               and the active state kept when the draft omits it
     * @param guard  says whether the URL's host may be sent to
     * @throws InvalidInputException naming every invalid field
     */
    public static Callout validate(CalloutDraft draft, Callout stored, NetworkGuard guard) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = name(draft.name(), problems);
        String url = url(draft.url(), guard, problems);
        CalloutMethod method = option(draft.method(), CalloutMethod.class, CalloutMethod.POST, "method", problems);
        DataFormat format = option(draft.format(), DataFormat.class, DataFormat.XML, "format", problems);
        Body body = body(draft, method, format, problems);
        Authentication authentication = authentication(draft, stored, problems);
        String udfName = trimToNull(draft.udfName());
        maxLength(udfName, MAX_TEXT, "udfName", "The UDF name", problems);
        List<String> recipients = recipients(draft.recipients(), problems);
        NotifyWhen when = option(draft.notifyWhen(), NotifyWhen.class, NotifyWhen.ON_ERROR, "notification.when",
                problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Callout(stored == null ? null : stored.id(), name, url, method, format, authentication, udfName,
                new Notification(recipients, when), active(draft.active(), stored), body.template(),
                body.contentType());
    }

    /** The body template of format TEMPLATE; both {@code null} for the other formats. */
    private record Body(String template, String contentType) {
    }

    /**
     * Format TEMPLATE takes a template that compiles and a content type it can escape for, and only with POST:
     * a GET request has no body. Other formats take neither; a template sent with them is a mistake, not
     * something to drop silently.
     */
    private static Body body(CalloutDraft d, CalloutMethod method, DataFormat format, List<FieldProblem> problems) {
        boolean formatValid = problems.stream().noneMatch(p -> p.field().equals("format"));
        if (format == DataFormat.TEMPLATE) {
            if (method == CalloutMethod.GET) {
                problems.add(new FieldProblem("format", GET_HAS_NO_BODY + " Use POST for format TEMPLATE."));
            }
            return BodyTemplates.check(d.template(), d.contentType(), problems)
                    .map(t -> new Body(d.template(), t.contentType().mediaType()))
                    .orElse(new Body(d.template(), d.contentType()));
        }
        if (formatValid) {
            String advice = method == CalloutMethod.GET ? GET_HAS_NO_BODY
                    : "Only format TEMPLATE takes one: set format to TEMPLATE, or leave it out.";
            if (d.template() != null && !d.template().isBlank()) {
                problems.add(new FieldProblem(BodyTemplates.TEMPLATE, "A template is not used with format " + format
                        + ". " + advice));
            }
            if (d.contentType() != null && !d.contentType().isBlank()) {
                problems.add(new FieldProblem(BodyTemplates.CONTENT_TYPE, "A content type is not used with format "
                        + format + ". " + advice));
            }
        }
        return new Body(null, null);
    }

    /**
     * Omitted: active for a new callout, unchanged for a stored one. Activation has its own calls;
     * a client that edits the URL must not switch a deactivated callout back on by accident.
     */
    private static boolean active(Boolean given, Callout stored) {
        if (given != null) {
            return given;
        }
        return stored == null || stored.active();
    }

    private static String name(String text, List<FieldProblem> problems) {
        String name = trimToNull(text);
        if (name == null) {
            problems.add(new FieldProblem("name", "A name is required."));
        } else {
            maxLength(name, MAX_NAME, "name", "The name", problems);
        }
        return name;
    }

    private static String url(String text, NetworkGuard guard, List<FieldProblem> problems) {
        String url = trimToNull(text);
        if (url == null) {
            problems.add(new FieldProblem("url", "A URL is required."));
            return null;
        }
        if (url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "The URL must be at most " + MAX_URL + " characters."));
            return url;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(new FieldProblem("url",
                        "Enter an absolute http or https URL, such as https://rmm.example.com/alerts."));
            } else if (uri.getRawUserInfo() != null) {
                // Credentials in the URL would be shown to every reader; secrets belong in authentication
                problems.add(new FieldProblem("url", "Put credentials in authentication, not in the URL."));
            } else if (uri.getPort() == 0 || uri.getPort() > 65535) {
                // java.net.URI takes any digits; no request could ever be sent there
                problems.add(new FieldProblem("url", "The port must be between 1 and 65535."));
            } else {
                guard.refusalOf(uri.getHost()).ifPresent(refusal -> problems.add(new FieldProblem("url",
                        "Callouts may not be sent there: " + refusal.why() + "." + (refusal.allowable()
                                ? " An administrator can allow it with callouts.network.allow." : ""))));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("url", "Not a valid URL: " + e.getReason() + "."));
        }
        return url;
    }

    private static Authentication authentication(CalloutDraft d, Callout stored, List<FieldProblem> problems) {
        AuthenticationType type = option(d.authenticationType(), AuthenticationType.class, AuthenticationType.NONE,
                "authentication.type", problems);
        // Fields of other types are ignored and never stored
        return switch (type) {
            case NONE -> Authentication.NONE;
            case BASIC -> new Authentication(type, username(d.username(), problems), null,
                    secret(d.password(), "authentication.password", "A password", type, stored, problems));
            case BEARER -> new Authentication(type, null, null,
                    secret(d.token(), "authentication.token", "A token", type, stored, problems));
            case HEADER -> new Authentication(type, null, headerName(d.headerName(), problems),
                    secret(d.headerValue(), "authentication.headerValue", "A header value", type, stored, problems));
        };
    }

    private static String username(String text, List<FieldProblem> problems) {
        String username = trimToNull(text);
        if (username == null) {
            problems.add(new FieldProblem("authentication.username", "A user name is required for BASIC authentication."));
        } else if (username.contains(":")) {
            // RFC 7617: the colon separates user name and password
            problems.add(new FieldProblem("authentication.username", "The user name must not contain ':'."));
        } else {
            maxLength(username, MAX_TEXT, "authentication.username", "The user name", problems);
        }
        return username;
    }

    private static String headerName(String text, List<FieldProblem> problems) {
        String headerName = trimToNull(text);
        String field = "authentication.headerName";
        if (headerName == null) {
            problems.add(new FieldProblem(field, "A header name is required for HEADER authentication."));
        } else if (!HEADER_TOKEN.matcher(headerName).matches()) {
            problems.add(new FieldProblem(field, "'" + excerpt(headerName) + "' is not a valid HTTP header name:"
                    + " use letters, digits and !#$%&'*+-.^_`|~ only."));
        } else if (RESERVED_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "The header " + headerName + " is set by the callout itself."));
        } else {
            maxLength(headerName, MAX_TEXT, field, "The header name", problems);
        }
        return headerName;
    }

    /** A blank secret counts as omitted: on update it keeps the stored one if the type did not change. */
    private static String secret(String given, String field, String label, AuthenticationType type, Callout stored,
            List<FieldProblem> problems) {
        if (given != null && !given.isBlank()) {
            if (given.length() > MAX_SECRET) {
                problems.add(new FieldProblem(field, label + " must be at most " + MAX_SECRET + " characters."));
            } else if (type != AuthenticationType.BASIC && given.chars().anyMatch(CalloutValidator::isControl)) {
                // Sent as a header value as it is: a line break would end the header
                problems.add(new FieldProblem(field, label + " must not contain line breaks or control characters."));
            }
            return given;
        }
        if (stored != null && stored.authentication().type() == type && stored.authentication().secretSet()) {
            return stored.authentication().secret();
        }
        problems.add(new FieldProblem(field, label + " is required for " + type + " authentication."));
        return null;
    }

    private static List<String> recipients(List<String> given, List<FieldProblem> problems) {
        String field = "notification.recipients";
        // Same address twice (in any case) is one recipient
        Map<String, String> recipients = new LinkedHashMap<>();
        for (String text : given == null ? List.<String>of() : given) {
            String address = trimToNull(text);
            if (address == null) {
                continue;
            }
            if (address.length() > MAX_TEXT || !EMAIL.matcher(address).matches()) {
                problems.add(new FieldProblem(field, "'" + excerpt(address) + "' is not a valid e-mail address."));
            } else {
                recipients.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
            }
        }
        if (recipients.isEmpty() && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(new FieldProblem(field, RECIPIENTS_REQUIRED));
        }
        List<String> list = List.copyOf(recipients.values());
        if (String.join("\n", list).length() > MAX_RECIPIENTS_TEXT) {
            problems.add(new FieldProblem(field, "Too many recipients: at most " + MAX_RECIPIENTS_TEXT
                    + " characters in all."));
        }
        return list;
    }

    /** An option given as text; blank means the default, case does not matter. */
    private static <E extends Enum<E>> E option(String text, Class<E> type, E fallback, String field,
            List<FieldProblem> problems) {
        String value = trimToNull(text);
        if (value == null) {
            return fallback;
        }
        for (E option : type.getEnumConstants()) {
            if (option.name().equalsIgnoreCase(value)) {
                return option;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        problems.add(new FieldProblem(field, "'" + excerpt(value) + "' is not one of " + allowed + "."));
        return fallback;
    }

    private static void maxLength(String value, int max, String field, String label, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, label + " must be at most " + max + " characters (it has "
                    + value.length() + ")."));
        }
    }

    private static boolean isControl(int c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Echoes client input in a message without letting it fill the answer. */
    private static String excerpt(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
