package com.extensioncallouts.delivery;

import com.extensioncallouts.callout.Callout;
import com.extensioncallouts.http.AttemptOutcome;

/** Sends a sample ticket to a callout right away, outside any workflow rule: the page's "Send test". */
public interface CalloutTester {

    AttemptOutcome sendTest(Callout callout);
}
