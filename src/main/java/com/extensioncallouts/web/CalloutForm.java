package com.extensioncallouts.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.extensioncallouts.callout.Authentication;
import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.callout.CalloutDraft;
import com.extensioncallouts.template.BodyContentType;

/**
 * What the callout form binds to: every input exactly as typed, so that a refused save shows it
 * again unchanged. {@link #toDraft()} turns it into the {@link CalloutDraft} the REST API submits
 * too; all rules are the service's. Stored secrets are never copied in here.
 */
public class CalloutForm {

    static final String GENERAL = "general";
    static final String NOTIFICATION = "notification";

    private String name;
    private String url;
    private String method = "POST";
    private String format = "XML";
    private String authenticationType = "NONE";
    private String username;
    private String password;
    private String token;
    private String headerName;
    private String headerValue;
    private String udfName;
    private String recipients;
    private String notifyWhen = "ON_ERROR";
    private boolean active = true;
    private String tab = GENERAL;
    // Body template (format TEMPLATE)
    private String template;
    private String contentType = "application/json";

    /** Which authentication type has a secret stored; not bound from the request, set by the controller. */
    private String storedSecretType;

    static CalloutForm from(Callout c) {
        CalloutForm form = new CalloutForm();
        form.name = c.name();
        form.url = c.url();
        form.method = c.method().name();
        form.format = c.format().name();
        Authentication auth = c.authentication() == null ? Authentication.NONE : c.authentication();
        form.authenticationType = auth.type().name();
        form.username = auth.username();
        form.headerName = auth.headerName();
        form.udfName = c.udfName();
        form.recipients = String.join("\n", c.notification().recipients());
        form.notifyWhen = c.notification().when().name();
        form.active = c.active();
        if (c.contentType() != null) {
            form.template = c.template();
            form.contentType = c.contentType();
        }
        form.rememberStoredSecret(c);
        return form;
    }

    /** Remembers (for the "•••• (set)" hint) which secret the stored callout has, never the secret itself. */
    void rememberStoredSecret(Callout c) {
        Authentication auth = c.authentication();
        storedSecretType = auth != null && auth.secretSet() ? auth.type().name() : null;
    }

    /**
     * The submitted draft. Only the inputs of the chosen authentication type count (the others are
     * hidden on the page); an empty secret input becomes {@code null}, which keeps a stored secret.
     */
    CalloutDraft toDraft() {
        String type = blankToNull(authenticationType);
        boolean basic = "BASIC".equals(type);
        boolean bearer = "BEARER".equals(type);
        boolean header = "HEADER".equals(type);
        // Like the authentication inputs: the template inputs count only when they are shown
        boolean templateFormat = "TEMPLATE".equalsIgnoreCase(blankToNull(format));
        return new CalloutDraft(blankToNull(name), blankToNull(url), blankToNull(method), blankToNull(format), type,
                basic ? blankToNull(username) : null,
                basic ? emptyToNull(password) : null,
                bearer ? emptyToNull(token) : null,
                header ? blankToNull(headerName) : null,
                header ? emptyToNull(headerValue) : null,
                blankToNull(udfName), recipientList(), blankToNull(notifyWhen), active,
                templateFormat ? lineFeeds(template) : null, templateFormat ? blankToNull(contentType) : null);
    }

    /** A textarea submits its lines ended by CR LF; what was typed had line feeds. */
    private static String lineFeeds(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }

    /** The content types the page offers, and the stored one if it is another (such as application/…+json). */
    public List<String> getContentTypeOptions() {
        List<String> options = new ArrayList<>(BodyContentType.OFFERED);
        if (contentType != null && !contentType.isBlank() && !options.contains(contentType)) {
            options.add(contentType);
        }
        return options;
    }

    /** One address per line, or separated by commas, semicolons or blanks, as people paste them. */
    List<String> recipientList() {
        if (recipients == null) {
            return List.of();
        }
        return Arrays.stream(recipients.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean secretStoredFor(String type) {
        return type != null && type.equals(storedSecretType);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // A secret may legitimately begin or end with a blank: keep it exactly as typed
    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getAuthenticationType() { return authenticationType; }
    public void setAuthenticationType(String authenticationType) { this.authenticationType = authenticationType; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getHeaderName() { return headerName; }
    public void setHeaderName(String headerName) { this.headerName = headerName; }
    public String getHeaderValue() { return headerValue; }
    public void setHeaderValue(String headerValue) { this.headerValue = headerValue; }
    public String getUdfName() { return udfName; }
    public void setUdfName(String udfName) { this.udfName = udfName; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
    public String getNotifyWhen() { return notifyWhen; }
    public void setNotifyWhen(String notifyWhen) { this.notifyWhen = notifyWhen; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getTemplate() { return template; }
    public void setTemplate(String template) { this.template = template; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public String getTab() { return tab; }
    public void setTab(String tab) { this.tab = NOTIFICATION.equals(tab) ? NOTIFICATION : GENERAL; }
}
