package com.extensioncallouts.signing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code callouts.signing.*}: how long a rotated-out signing secret keeps signing beside the new one. */
@ConfigurationProperties("callouts.signing")
public record SigningProperties(@DefaultValue("PT24H") Duration rotationOverlap) {
}
