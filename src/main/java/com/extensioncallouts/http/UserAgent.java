package com.extensioncallouts.http;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** {@code ExtensionCallouts/<version>}: from build-info if the build writes it, else the jar manifest. */
@Component
public class UserAgent {

    static final String PRODUCT = "ExtensionCallouts";
    /** Running from classes (IDE, tests) there is no manifest to read a version from. */
    static final String FALLBACK_VERSION = "dev";

    private final String value;

    UserAgent(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion()
                : UserAgent.class.getPackage().getImplementationVersion();
        this.value = PRODUCT + "/" + (version == null || version.isBlank() ? FALLBACK_VERSION : version);
    }

    public String value() {
        return value;
    }
}
