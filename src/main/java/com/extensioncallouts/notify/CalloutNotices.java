package com.extensioncallouts.notify;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.extensioncallouts.CalloutsProperties;
import com.extensioncallouts.callout.Callout;

/** What other features tell resources about a callout as a whole (not about one delivery). */
@Component
public class CalloutNotices {

    private final ResourceNotifier notifier;
    private final String publicUrl;

    CalloutNotices(ResourceNotifier notifier, CalloutsProperties properties) {
        this.notifier = notifier;
        this.publicUrl = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    /** The callout was deactivated after {@code failures} deliveries in a row failed for good; sent on commit. */
    public void deactivated(Callout callout, int failures, Instant failingSince) {
        NotifyLog.deactivated(callout.name(), failures);
        notifier.notifyAfterCommit(new DeactivationNotice(callout.name(), failures, failingSince,
                publicUrl + "/callouts/" + callout.id() + "/deliveries", callout.notification().recipients()));
    }
}
