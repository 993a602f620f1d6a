package com.extensioncallouts.notify;

import java.util.List;

/** Something resources are told by e-mail (or, without a mail server, in the log). Holds no secret. */
interface Notice {

    /** The extension-callout instance it is about, or null when it is about the callout itself. */
    String processInstanceId();

    String calloutName();

    List<String> recipients();

    String subject();

    String body();
}
