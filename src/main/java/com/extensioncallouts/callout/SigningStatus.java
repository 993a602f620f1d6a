package com.extensioncallouts.callout;

import java.util.Collection;
import java.util.Set;

/** Which callouts sign their requests (the signing feature answers; a callout only shows the flag). */
public interface SigningStatus {

    /** Those of these callouts that have a signing secret. */
    Set<Long> signing(Collection<Long> calloutIds);
}
