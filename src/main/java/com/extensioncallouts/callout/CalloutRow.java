package com.extensioncallouts.callout;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import com.extensioncallouts.secrets.SecretBox;

/** The stored form of a {@link Callout}: one flat row in the Flyway-managed table {@code callout}. */
@Table("callout")
record CalloutRow(
        @Id Long id,
        String name,
        String nameKey,
        String url,
        String method,
        String format,
        String authType,
        String authUsername,
        String authHeaderName,
        String authSecret,
        String udfName,
        String notifyWhen,
        String recipients,
        boolean active,
        String template,
        String contentType) {

    private static final String RECIPIENT_SEPARATOR = "\n";

    /** Ignores case and surrounding white space (Unicode's too), exactly as workflow rules' callout names match. */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    static CalloutRow from(Callout c) {
        Authentication auth = c.authentication() == null ? Authentication.NONE : c.authentication();
        return new CalloutRow(c.id(), c.name(), nameKey(c.name()), c.url(), c.method().name(), c.format().name(),
                auth.type().name(), auth.username(), auth.headerName(), auth.secret(), c.udfName(),
                c.notification().when().name(), String.join(RECIPIENT_SEPARATOR, c.notification().recipients()),
                c.active(), c.template(), c.contentType());
    }

    /** The same row with its secret sealed for storage. */
    CalloutRow sealed(SecretBox box) {
        return withSecret(box.seal(authSecret));
    }

    /** The same row with its stored secret opened. */
    CalloutRow opened(SecretBox box) {
        return withSecret(box.open(authSecret));
    }

    private CalloutRow withSecret(String secret) {
        return new CalloutRow(id, name, nameKey, url, method, format, authType, authUsername, authHeaderName, secret,
                udfName, notifyWhen, recipients, active, template, contentType);
    }

    /** Spring Data puts a failed row into its exception message: never the secret. */
    @Override
    public String toString() {
        return "CalloutRow[id=" + id + ", name=" + name + ", url=" + url + ", method=" + method + ", format=" + format
                + ", authType=" + authType + ", authSecret=" + (authSecret == null ? "none" : "****")
                + ", active=" + active + "]";
    }

    Callout toCallout() {
        List<String> recipientList = recipients == null || recipients.isEmpty()
                ? List.of()
                : Arrays.asList(recipients.split(RECIPIENT_SEPARATOR));
        return new Callout(id, name, url, CalloutMethod.valueOf(method), DataFormat.valueOf(format),
                new Authentication(AuthenticationType.valueOf(authType), authUsername, authHeaderName, authSecret),
                udfName, new Notification(recipientList, NotifyWhen.valueOf(notifyWhen)), active, template, contentType);
    }
}
