package com.extensioncallouts.callout;

import java.util.List;

/** Who is e-mailed about a callout, and when. */
public record Notification(List<String> recipients, NotifyWhen when) {

    public Notification {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        when = when == null ? NotifyWhen.ON_ERROR : when;
    }
}
