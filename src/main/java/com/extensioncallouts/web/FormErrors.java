package com.extensioncallouts.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

import com.extensioncallouts.problem.FieldProblem;

/**
 * Puts the service's field problems (named as in the REST API, e.g. {@code authentication.password})
 * next to the form inputs that hold those values, and picks the tab that shows them.
 */
final class FormErrors {

    private static final Map<String, String> FORM_FIELD = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("url", "url"),
            Map.entry("method", "method"),
            Map.entry("format", "format"),
            Map.entry("template", "template"),
            Map.entry("contentType", "contentType"),
            Map.entry("authentication", "authenticationType"),
            Map.entry("authentication.type", "authenticationType"),
            Map.entry("authentication.username", "username"),
            Map.entry("authentication.password", "password"),
            Map.entry("authentication.token", "token"),
            Map.entry("authentication.headerName", "headerName"),
            Map.entry("authentication.headerValue", "headerValue"),
            Map.entry("udfName", "udfName"),
            Map.entry("notification", "recipients"),
            Map.entry("notification.recipients", "recipients"),
            Map.entry("notification.when", "notifyWhen"),
            Map.entry("active", "active"));

    /** What the page calls each input, for the summary above the form. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("url", "URL"),
            Map.entry("method", "Method"),
            Map.entry("format", "Data format"),
            Map.entry("template", "Body template"),
            Map.entry("contentType", "Content type"),
            Map.entry("authenticationType", "Authentication"),
            Map.entry("username", "User name"),
            Map.entry("password", "Password"),
            Map.entry("token", "Token"),
            Map.entry("headerName", "Header name"),
            Map.entry("headerValue", "Header value"),
            Map.entry("udfName", "Ticket UDF"),
            Map.entry("recipients", "Recipients"),
            Map.entry("notifyWhen", "When"),
            Map.entry("active", "Active"));

    private static final Set<String> ON_NOTIFICATION_TAB = Set.of("recipients", "notifyWhen");

    private FormErrors() {
    }

    /** The form input for an API field; {@code null} when no input holds it (shown above the form). */
    static String formField(String apiField) {
        if (apiField == null) {
            return null;
        }
        // "notification.recipients[1]" names one address: the input is the whole list
        return FORM_FIELD.get(apiField.replaceAll("\\[\\d+]", ""));
    }

    static void reject(BindingResult result, List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            String field = formField(problem.field());
            if (field == null) {
                result.reject("invalid", problem.message());
            } else {
                result.rejectValue(field, "invalid", problem.message());
            }
        }
    }

    /** General when it has an error, else Notification when that has one, else the tab the user was on. */
    static String tabToShow(BindingResult result, String current) {
        if (countOn(result, CalloutForm.GENERAL) > 0) {
            return CalloutForm.GENERAL;
        }
        if (countOn(result, CalloutForm.NOTIFICATION) > 0) {
            return CalloutForm.NOTIFICATION;
        }
        return current;
    }

    static long countOn(BindingResult result, String tab) {
        return result.getFieldErrors().stream()
                .filter(e -> ON_NOTIFICATION_TAB.contains(e.getField()) == CalloutForm.NOTIFICATION.equals(tab))
                .count();
    }
}
